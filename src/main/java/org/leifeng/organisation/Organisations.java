package org.leifeng.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.leifeng.identity.AccessControl;
import org.leifeng.identity.AuditTrail;
import org.leifeng.identity.Role;
import org.leifeng.identity.ScopedGrant;
import org.leifeng.platform.Forbidden;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.leifeng.platform.RuleViolation;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree for callers: every operation asks {@link AccessControl} first, so an organisation outside
 * the caller's subtrees answers 404 and one they see but do not administer answers 403. Nothing is ever deleted:
 * organisations with history are deactivated.
 */
@Service
public class Organisations {

    private final OrganisationStore store;
    private final AccessControl access;
    private final AuditTrail audit;

    Organisations(OrganisationStore store, AccessControl access, AuditTrail audit) {
        this.store = store;
        this.access = access;
        this.audit = audit;
    }

    /** What anyone may know: the city's name and how many organisations take part. */
    @Transactional(readOnly = true)
    public CityOverview cityOverview() {
        return store.cityOverview();
    }

    /** The root of the tree: the city. */
    public long cityId() {
        return store.rootId();
    }

    /** Ids of every organisation in the subtrees rooted at these paths, for other modules' scope filters. */
    @Transactional(readOnly = true)
    public List<Long> idsWithin(Collection<String> pathPrefixes) {
        return pathPrefixes.isEmpty() ? List.of() : store.idsWithin(pathPrefixes);
    }

    /**
     * The active children of an organisation, for anyone: the shape of the tree is public (volunteers choose their
     * organisation when they register).
     */
    @Transactional(readOnly = true)
    public List<Organisation> activeChildren(long parentId) {
        return store.children(parentId, new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(Organisation::active).toList();
    }

    /** An active organisation by id, for anyone: names of organisations are public (registration picks one). */
    @Transactional(readOnly = true)
    public Optional<Organisation> findActive(long id) {
        return store.find(id).filter(Organisation::active);
    }

    /** Names of organisations by id, for anyone (names are public): other modules label their rows with them. */
    @Transactional(readOnly = true)
    public Map<Long, String> namesOf(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : store.namesOf(ids);
    }

    @Transactional(readOnly = true)
    public Organisation get(long id) {
        access.requireVisible(id);
        return store.find(id).orElseThrow(() -> new NotFound("organisation", id));
    }

    @Transactional(readOnly = true)
    public PageResult<Organisation> children(long id, PageRequest page) {
        access.requireVisible(id);
        return store.children(id, page);
    }

    /** The tops of the caller's subtrees: where their view of the tree starts. */
    @Transactional(readOnly = true)
    public List<Organisation> scopeRoots() {
        List<String> paths = access.visiblePaths();
        List<Long> ids = access.grants().stream().filter(grant -> paths.contains(grant.path()))
                .map(ScopedGrant::organisationId).distinct().toList();
        return ids.isEmpty() ? List.of() : store.findAll(ids);
    }

    @Transactional(readOnly = true)
    public PageResult<Organisation> search(String fragment, OrganisationType type, PageRequest page) {
        List<String> scope = access.visiblePaths();
        if (scope.isEmpty()) {
            access.caller();
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        return store.search(scope, fragment == null ? "" : fragment.strip(), type, page);
    }

    @Transactional
    public Organisation create(NewOrganisation request) {
        access.require(Role.ORG_ADMIN, request.parentId());
        Organisation parent = store.find(request.parentId()).orElseThrow(() -> new NotFound("organisation", request.parentId()));
        requireMayStandUnder(request.type(), parent);
        long id = store.insert(parent.id(), request.name(), request.type()).orElseThrow(() -> inactiveParent(parent));
        audit.describe(OrganisationAudit.ORGANISATION_CREATED, "organisation", id, id, request.name());
        return store.find(id).orElseThrow();
    }

    @Transactional
    public Organisation rename(long id, String name) {
        access.require(Role.ORG_ADMIN, id);
        store.rename(id, name.strip());
        audit.describe(OrganisationAudit.ORGANISATION_RENAMED, "organisation", id, id, name);
        return store.find(id).orElseThrow();
    }

    /** Moves a node with its subtree under another parent; the caller administers both ends. */
    @Transactional
    public Organisation move(long id, long newParentId) {
        access.require(Role.ORG_ADMIN, id);
        access.require(Role.ORG_ADMIN, newParentId);
        store.lockTreeExclusively();
        Organisation node = store.find(id).orElseThrow(() -> new NotFound("organisation", id));
        Organisation newParent = store.find(newParentId).orElseThrow(() -> new NotFound("organisation", newParentId));
        if (node.isRoot()) {
            throw new RuleViolation("problem.rootCannotMove", "The city at the root of the tree cannot move.");
        }
        if (newParent.path().startsWith(node.path())) {
            throw new RuleViolation("problem.moveIntoOwnSubtree", "An organisation cannot move under itself or its own descendants.");
        }
        if (!newParent.active()) {
            throw inactiveParent(newParent);
        }
        requireMayStandUnder(node.type(), newParent);
        store.move(node, newParent);
        audit.describe(OrganisationAudit.ORGANISATION_MOVED, "organisation", id, newParentId,
                "from " + node.parentId() + " to " + newParentId);
        return store.find(id).orElseThrow();
    }

    /** Deactivates a node that has no active children; it stays in the tree with its history. */
    @Transactional
    public Organisation deactivate(long id) {
        Organisation node = requireAdministeredFromAbove(id);
        store.lockTreeExclusively();
        if (!store.setActive(id, false)) {
            throw new RuleViolation("problem.hasActiveChildren", "Deactivate the organisations under it first.");
        }
        audit.describe(OrganisationAudit.ORGANISATION_DEACTIVATED, "organisation", id, id, node.name());
        return store.find(id).orElseThrow();
    }

    @Transactional
    public Organisation activate(long id) {
        Organisation node = requireAdministeredFromAbove(id);
        Organisation parent = store.find(node.parentId()).orElseThrow();
        if (!parent.active()) {
            throw inactiveParent(parent);
        }
        store.setActive(id, true);
        audit.describe(OrganisationAudit.ORGANISATION_ACTIVATED, "organisation", id, id, node.name());
        return store.find(id).orElseThrow();
    }

    /** Switching an organisation on or off is for those who administer its parent; the root stays on. */
    private Organisation requireAdministeredFromAbove(long id) {
        access.requireVisible(id);
        Organisation node = store.find(id).orElseThrow(() -> new NotFound("organisation", id));
        if (node.isRoot()) {
            throw new RuleViolation("problem.rootStaysActive", "The city at the root of the tree stays active.");
        }
        if (!access.holds(Role.ORG_ADMIN, node.parentId())) {
            throw new Forbidden("problem.parentAdminRequired",
                    "Only administrators of the organisation above may switch this one on or off.");
        }
        return node;
    }

    private static void requireMayStandUnder(OrganisationType type, Organisation parent) {
        if (!type.mayStandUnder(parent.type())) {
            throw new RuleViolation("problem.typeNotAllowedUnder", "A " + type + " cannot stand under a " + parent.type() + ".",
                    typeName(type), typeName(parent.type()));
        }
    }

    /** The type's name in the reader's language, resolved when the problem is answered. */
    private static DefaultMessageSourceResolvable typeName(OrganisationType type) {
        return new DefaultMessageSourceResolvable(new String[] {"org.type." + type}, type.name());
    }

    private static RuleViolation inactiveParent(Organisation parent) {
        return new RuleViolation("problem.parentInactive", parent.name() + " is deactivated.", parent.name());
    }
}
