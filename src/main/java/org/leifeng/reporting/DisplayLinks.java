package org.leifeng.reporting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.leifeng.identity.AccessControl;
import org.leifeng.identity.AuditTrail;
import org.leifeng.identity.Role;
import org.leifeng.organisation.Organisation;
import org.leifeng.organisation.Organisations;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.PublicUrl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only display links for the big screen: an administrator creates one for an organisation they administer and
 * sees its URL once (a 256-bit token, kept only as its SHA-256); the screen shows that subtree's figures to whoever
 * opens the URL, until the link is revoked.
 */
@Service
public class DisplayLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Reports reports;
    private final Organisations organisations;
    private final AccessControl access;
    private final AuditTrail audit;
    private final PublicUrl publicUrl;

    DisplayLinks(JdbcClient jdbc, Reports reports, Organisations organisations, AccessControl access,
            AuditTrail audit, PublicUrl publicUrl) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.organisations = organisations;
        this.access = access;
        this.audit = audit;
        this.publicUrl = publicUrl;
    }

    /** A new link; the answer carries its URL, which is never shown again. */
    @Transactional
    public Created create(long organisationId, String label) {
        access.require(Role.ORG_ADMIN, organisationId);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("""
                INSERT INTO display_link (token_hash, organisation_id, label, created_by)
                VALUES (:hash, :organisation, :label, :by) RETURNING id""")
                .param("hash", hash(token)).param("organisation", organisationId)
                .param("label", label == null || label.isBlank() ? "数据大屏" : label.strip())
                .param("by", access.caller().accountId()).query(Long.class).single();
        audit.describe(ReportingAudit.DISPLAY_LINK_CREATED, "display-link", id, organisationId);
        return new Created(id, publicUrl.base() + "/screen/" + token);
    }

    /** The links of the organisations the caller administers, newest first. */
    @Transactional(readOnly = true)
    public List<Link> mine() {
        List<Long> scope = organisations.idsWithin(access.scopePaths(Role.ORG_ADMIN));
        return jdbc.sql("""
                SELECT id, organisation_id, label, created_at, revoked_at FROM display_link
                WHERE organisation_id = ANY(:scope) ORDER BY created_at DESC""")
                .param("scope", scope.toArray(Long[]::new))
                .query((rs, row) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    @Transactional
    public void revoke(long id) {
        Long organisationId = jdbc.sql("SELECT organisation_id FROM display_link WHERE id = :id").param("id", id)
                .query(Long.class).optional().orElseThrow(() -> new NotFound("displayLink", id));
        access.require(Role.ORG_ADMIN, organisationId);
        jdbc.sql("UPDATE display_link SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL").param("id", id)
                .update();
        audit.describe(ReportingAudit.DISPLAY_LINK_REVOKED, "display-link", id, organisationId);
    }

    /** What the big screen shows for a live link; 404 for an unknown or revoked one. */
    @Transactional(readOnly = true)
    public Screen screen(String token) {
        Long organisationId = token == null || token.length() > 64 ? null : jdbc.sql("""
                SELECT organisation_id FROM display_link WHERE token_hash = :hash AND revoked_at IS NULL""")
                .param("hash", hash(token)).query(Long.class).optional().orElse(null);
        Organisation scope = organisationId == null ? null : organisations.findActive(organisationId).orElse(null);
        if (scope == null) {
            throw new NotFound("displayLink", "…");
        }
        return new Screen(reports.overviewOf(scope, null, null), reports.trendOf(scope),
                reports.rankingOf(scope, null, null, null));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Created(long id, String url) {
    }

    public record Link(long id, long organisationId, String label, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
    }

    public record Screen(Overview overview, Trend trend, Ranking ranking) {
    }
}
