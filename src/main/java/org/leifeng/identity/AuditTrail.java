package org.leifeng.identity;

import java.util.List;

import org.leifeng.platform.ControlCharacters;
import org.leifeng.platform.Masking;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit log. Every state-changing request is written by {@link AuditFilter} when it is answered;
 * a module {@link #describe describes} what the request did so the entry names the action and the entity. Reads of
 * unmasked personal data are {@link #record recorded} at once.
 */
@Service
public class AuditTrail {

    static final String DESCRIPTION = AuditTrail.class.getName() + ".description";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final OrganisationDirectory organisations;
    private final AuditWriter writer;

    AuditTrail(JdbcClient jdbc, AccessControl access, OrganisationDirectory organisations, AuditWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.access = access;
        this.organisations = organisations;
    }

    /** Names what the current request does; written with its outcome when it is answered. */
    public void describe(AuditAction action, String entityType, Object entityId, Long organisationId) {
        describe(action, entityType, entityId, organisationId, null);
    }

    public void describe(AuditAction action, String entityType, Object entityId, Long organisationId, String detail) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Description description = new Description(action.code(), entityType,
                entityId == null ? null : entityId.toString(), organisationId, detail);
        if (request != null) {
            request.setAttribute(DESCRIPTION, description, RequestAttributes.SCOPE_REQUEST);
        } else {
            write(description, access.currentCaller().orElse(null), null, null);
        }
    }

    /** Writes an entry now, e.g. for a read of unmasked personal data. */
    public void record(AuditAction action, String entityType, Object entityId, Long organisationId, String detail) {
        write(new Description(action.code(), entityType, entityId == null ? null : entityId.toString(), organisationId,
                detail),
                access.currentCaller().orElse(null), RequestContextHolder.getRequestAttributes() instanceof
                        ServletRequestAttributes servlet
                        ? servlet.getRequest().getRemoteAddr() : null, 200);
    }

    /** Writes the entry of an answered request, together with those answered at the same time. */
    void writeAnswered(Description description, Caller actor, String remoteAddress, int outcome) {
        writer.write(entry(description, actor, remoteAddress, outcome));
    }

    private void write(Description description, Caller actor, String remoteAddress, Integer outcome) {
        writer.insert(List.of(entry(description, actor, remoteAddress, outcome)));
    }

    private static AuditWriter.Entry entry(Description description, Caller actor, String remoteAddress,
            Integer outcome) {
        // A detail may quote what someone typed (a mobile number to sign in with): the log keeps it masked.
        return new AuditWriter.Entry(actor == null ? null : actor.accountId(), actor == null ? null : actor.displayName(),
                truncate(remoteAddress, 64), truncate(description.action(), 120),
                truncate(description.entityType(), 50), truncate(description.entityId(), 64),
                description.organisationId(), outcome, truncate(Masking.phonesIn(description.detail()), 500));
    }

    /**
     * Entries about organisations in the caller's administered subtrees, newest first. City administrators also see
     * entries about no organisation (sign-ins, token use).
     */
    public PageResult<AuditEntry> entries(String action, PageRequest page) {
        List<String> scope = access.scopePaths(Role.ORG_ADMIN);
        if (scope.isEmpty()) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        boolean wholeCity = scope.contains(organisations.pathOf(organisations.rootId()).orElse("/"));
        Long[] orgs = wholeCity ? null : organisations.idsWithin(scope).toArray(Long[]::new);
        String where = """
                WHERE (CAST(:orgs AS BIGINT[]) IS NULL OR organisation_id = ANY(CAST(:orgs AS BIGINT[])))
                  AND (:action = '' OR action LIKE :action || '%')""";
        String actionPrefix = action == null ? "" : action.trim();
        long total = jdbc.sql("SELECT count(*) FROM audit_log " + where)
                .param("orgs", orgs).param("action", actionPrefix).query(Long.class).single();
        List<AuditEntry> items = jdbc.sql("""
                SELECT id, occurred_at, actor_id, actor_name, remote_address, action, entity_type, entity_id,
                       organisation_id, outcome, detail
                FROM audit_log""" + " " + where + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("orgs", orgs).param("action", actionPrefix)
                .param("limit", page.size()).param("offset", page.offset())
                .query(AuditEntry.class).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Cut to the column's size; a control character (PostgreSQL cannot store a NUL) is kept visible as U+FFFD. */
    private static String truncate(String value, int length) {
        String printable = ControlCharacters.replaced(value);
        return printable == null || printable.length() <= length ? printable : printable.substring(0, length);
    }

    record Description(String action, String entityType, String entityId, Long organisationId, String detail) {
    }
}
