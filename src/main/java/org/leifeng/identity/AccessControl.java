package org.leifeng.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.leifeng.platform.Forbidden;
import org.leifeng.platform.NotFound;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The one answer, for every module, to "may the caller act on organisation X". A grant covers its organisation and
 * everything under it; ORG_ADMIN includes every other role. What lies outside all of the caller's grants is
 * answered with 404, so nobody learns what exists beyond their scope; what they can see but not change, with 403.
 */
@Service
public class AccessControl {

    private static final String GRANTS_OF_REQUEST = AccessControl.class.getName() + ".grants";

    private final JdbcClient jdbc;
    private final OrganisationDirectory organisations;

    AccessControl(JdbcClient jdbc, OrganisationDirectory organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    public Optional<Caller> currentCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? Optional.of(caller) : Optional.empty();
    }

    public Caller caller() {
        return currentCaller().orElseThrow(NotSignedIn::new);
    }

    /** The caller's grants with their paths, read once per request. */
    public List<ScopedGrant> grants() {
        Optional<Caller> caller = currentCaller();
        if (caller.isEmpty()) {
            return List.of();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(GRANTS_OF_REQUEST, RequestAttributes.SCOPE_REQUEST)
                instanceof CachedGrants cached && cached.accountId() == caller.get().accountId()) {
            return cached.grants();
        }
        List<ScopedGrant> grants = grantsOf(caller.get().accountId());
        if (request != null) {
            request.setAttribute(GRANTS_OF_REQUEST, new CachedGrants(caller.get().accountId(), grants),
                    RequestAttributes.SCOPE_REQUEST);
        }
        return grants;
    }

    public List<ScopedGrant> grantsOf(long accountId) {
        List<Grant> grants = jdbc.sql("SELECT role, organisation_id FROM role_grant WHERE account_id = :account ORDER BY id")
                .param("account", accountId)
                .query((rs, row) -> new Grant(Role.valueOf(rs.getString(1)), rs.getLong(2))).list();
        Map<Long, String> paths = organisations.pathsOf(grants.stream().map(Grant::organisationId).toList());
        return grants.stream()
                .filter(grant -> paths.containsKey(grant.organisationId()))
                .map(grant -> new ScopedGrant(grant.role(), grant.organisationId(), paths.get(grant.organisationId())))
                .toList();
    }

    public boolean canSee(long organisationId) {
        return organisations.pathOf(organisationId).map(this::canSeePath).orElse(false);
    }

    public boolean canSeePath(String organisationPath) {
        return grants().stream().anyMatch(grant -> grant.covers(organisationPath));
    }

    public boolean holds(Role role, long organisationId) {
        return organisations.pathOf(organisationId).map(path -> holdsOnPath(role, path)).orElse(false);
    }

    public boolean holdsOnPath(Role role, String organisationPath) {
        return grants().stream().anyMatch(grant -> grant.role().satisfies(role) && grant.covers(organisationPath));
    }

    /** Whether the caller administers anything at all: the administration pages are theirs. */
    public boolean isAdministrator() {
        return grants().stream().anyMatch(grant -> grant.role() == Role.ORG_ADMIN);
    }

    /** 404 unless the organisation lies within one of the caller's grants; returns its path. */
    public String requireVisible(long organisationId) {
        caller();
        return organisations.pathOf(organisationId).filter(this::canSeePath)
                .orElseThrow(() -> new NotFound("organisation", organisationId));
    }

    /** 404 if the caller cannot see the organisation, 403 if they can but do not hold {@code role} over it. */
    public String require(Role role, long organisationId) {
        String path = requireVisible(organisationId);
        if (!holdsOnPath(role, path)) {
            throw new Forbidden("problem.roleRequired", "This needs the role " + role + " over organisation "
                    + organisationId + ".", new DefaultMessageSourceResolvable(new String[] {"role." + role}, role.name()),
                    String.valueOf(organisationId));
        }
        return path;
    }

    /** Path prefixes of the subtrees where the caller holds {@code role}: for {@code path LIKE ANY(...)} filters. */
    public List<String> scopePaths(Role role) {
        return minimal(grants().stream().filter(grant -> grant.role().satisfies(role)).map(ScopedGrant::path).toList());
    }

    /** Path prefixes of every subtree the caller can see. */
    public List<String> visiblePaths() {
        return minimal(grants().stream().map(ScopedGrant::path).toList());
    }

    public long rootOrganisationId() {
        return organisations.rootId();
    }

    /** Drops paths covered by another one, so filters stay short. */
    private static List<String> minimal(Collection<String> paths) {
        return paths.stream().distinct()
                .filter(path -> paths.stream().noneMatch(other -> !other.equals(path) && path.startsWith(other)))
                .sorted().toList();
    }

    private record CachedGrants(long accountId, List<ScopedGrant> grants) {
    }
}
