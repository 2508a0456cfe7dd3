package org.leifeng.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for memberships and join requests. "One live membership" and "one open request" per person and team are
 * partial unique indexes: concurrent joins race in the database, which lets exactly one through.
 */
@Repository
class MembershipStore {

    private static final String MEMBER_COLUMNS = """
            SELECT m.id, m.account_id, m.account_id = t.leader_account_id AND m.left_at IS NULL AS leader,
                   m.joined_at, m.left_at, m.ended_by, m.end_reason, m.end_note
            FROM team_membership m JOIN team t ON t.id = m.team_id""";
    private static final String REQUEST_COLUMNS = """
            SELECT id, team_id, account_id, message, status, decided_by, decided_at, reason, created_at
            FROM team_join_request""";

    private static final String TEAMS_OF = """
            SELECT t.id, t.organisation_id, o.name, t.name, t.active, t.leader_account_id = m.account_id, m.joined_at
            FROM team_membership m JOIN team t ON t.id = m.team_id JOIN organisation o ON o.id = t.organisation_id
            WHERE m.account_id = :account AND m.left_at IS NULL
            ORDER BY t.active DESC, m.joined_at DESC, t.id""";

    private final JdbcClient jdbc;

    MembershipStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts a live membership; false if the account already has one in this team. */
    boolean join(long teamId, long accountId) {
        return jdbc.sql("""
                INSERT INTO team_membership (team_id, account_id) VALUES (:team, :account)
                ON CONFLICT (team_id, account_id) WHERE left_at IS NULL DO NOTHING""")
                .param("team", teamId).param("account", accountId).update() == 1;
    }

    /** Closes the live membership, keeping it as history; false if there was none. */
    boolean end(long teamId, long accountId, long endedBy, MembershipEnd reason, String note) {
        return jdbc.sql("""
                UPDATE team_membership SET left_at = now(), ended_by = :by, end_reason = :reason, end_note = :note
                WHERE team_id = :team AND account_id = :account AND left_at IS NULL""")
                .param("team", teamId).param("account", accountId).param("by", endedBy)
                .param("reason", reason.name()).param("note", note).update() == 1;
    }

    boolean isLive(long teamId, long accountId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM team_membership
                               WHERE team_id = :team AND account_id = :account AND left_at IS NULL)""")
                .param("team", teamId).param("account", accountId).query(Boolean.class).single();
    }

    /**
     * Whether the account is a live member of a team led by {@code leader} or of one whose organisation lies under
     * one of {@code administered} (path prefixes).
     */
    boolean isLiveMemberOfTeamManagedBy(long accountId, long leader, Collection<String> administered) {
        String[] patterns = administered.stream().map(prefix -> prefix + "%").toArray(String[]::new);
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM team_membership m
                               JOIN team t ON t.id = m.team_id JOIN organisation o ON o.id = t.organisation_id
                               WHERE m.account_id = :account AND m.left_at IS NULL
                                 AND (t.leader_account_id = :leader OR o.path LIKE ANY(:patterns)))""")
                .param("account", accountId).param("leader", leader).param("patterns", patterns)
                .query(Boolean.class).single();
    }

    List<Long> liveMemberIds(long teamId) {
        return jdbc.sql("SELECT account_id FROM team_membership WHERE team_id = :team AND left_at IS NULL ORDER BY joined_at, id")
                .param("team", teamId).query(Long.class).list();
    }

    /** Live members, leader first; with {@code history} also the closed memberships, newest first after them. */
    PageResult<TeamMember> members(long teamId, boolean history, PageRequest page) {
        String where = " WHERE m.team_id = :team AND (:history OR m.left_at IS NULL)";
        long total = jdbc.sql("SELECT count(*) FROM team_membership m" + where)
                .param("team", teamId).param("history", history).query(Long.class).single();
        List<TeamMember> items = jdbc.sql(MEMBER_COLUMNS + where + """
                 ORDER BY m.left_at IS NOT NULL, m.account_id = t.leader_account_id DESC,
                          coalesce(m.left_at, m.joined_at) DESC, m.id DESC
                LIMIT :limit OFFSET :offset""")
                .param("team", teamId).param("history", history)
                .param("limit", page.size()).param("offset", page.offset())
                .query(MembershipStore::member).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    PageResult<TeamSummary> teamsOf(long accountId, PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM team_membership WHERE account_id = :account AND left_at IS NULL")
                .param("account", accountId).query(Long.class).single();
        List<TeamSummary> items = jdbc.sql(TEAMS_OF + " LIMIT :limit OFFSET :offset")
                .param("account", accountId).param("limit", page.size()).param("offset", page.offset())
                .query(MembershipStore::summary).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    List<TeamSummary> allTeamsOf(long accountId) {
        return jdbc.sql(TEAMS_OF).param("account", accountId).query(MembershipStore::summary).list();
    }

    /** Files a request, unless one of this account for this team is still open. */
    long request(long teamId, long accountId, String message) {
        try {
            return jdbc.sql("""
                    INSERT INTO team_join_request (team_id, account_id, message) VALUES (:team, :account, :message)
                    RETURNING id""")
                    .param("team", teamId).param("account", accountId).param("message", message)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new JoinRequestAlreadyPending(teamId);
        }
    }

    Optional<JoinRequest> findRequest(long id) {
        return jdbc.sql(REQUEST_COLUMNS + " WHERE id = :id").param("id", id).query(MembershipStore::request).optional();
    }

    /** Decides an open request; empty if it was decided already (by someone else, perhaps a moment ago). */
    Optional<JoinRequest> decide(long id, JoinRequestStatus status, long decidedBy, String reason) {
        return jdbc.sql("""
                UPDATE team_join_request SET status = :status, decided_by = :by, decided_at = now(), reason = :reason
                WHERE id = :id AND status = 'PENDING'
                RETURNING id, team_id, account_id, message, status, decided_by, decided_at, reason, created_at""")
                .param("id", id).param("status", status.name()).param("by", decidedBy).param("reason", reason)
                .query(MembershipStore::request).optional();
    }

    /** Someone who joined by invite code no longer waits for a decision. */
    void withdrawOpenRequest(long teamId, long accountId) {
        jdbc.sql("""
                UPDATE team_join_request SET status = 'WITHDRAWN', decided_by = :account, decided_at = now()
                WHERE team_id = :team AND account_id = :account AND status = 'PENDING'""")
                .param("team", teamId).param("account", accountId).update();
    }

    PageResult<JoinRequest> requests(long teamId, JoinRequestStatus status, PageRequest page) {
        String where = " WHERE team_id = :team AND (CAST(:status AS TEXT) IS NULL OR status = :status)";
        String statusName = status == null ? null : status.name();
        long total = jdbc.sql("SELECT count(*) FROM team_join_request" + where)
                .param("team", teamId).param("status", statusName).query(Long.class).single();
        List<JoinRequest> items = jdbc.sql(REQUEST_COLUMNS + where + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("team", teamId).param("status", statusName)
                .param("limit", page.size()).param("offset", page.offset())
                .query(MembershipStore::request).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** The caller's own open requests, so a page can say "waiting for a decision". */
    List<JoinRequest> openRequestsOf(long accountId) {
        return jdbc.sql(REQUEST_COLUMNS + " WHERE account_id = :account AND status = 'PENDING' ORDER BY created_at")
                .param("account", accountId).query(MembershipStore::request).list();
    }

    private static TeamSummary summary(ResultSet rs, int row) throws SQLException {
        return new TeamSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class));
    }

    private static TeamMember member(ResultSet rs, int row) throws SQLException {
        long endedBy = rs.getLong("ended_by");
        Long endedById = rs.wasNull() ? null : endedBy;
        String reason = rs.getString("end_reason");
        return new TeamMember(rs.getLong("id"), rs.getLong("account_id"), rs.getBoolean("leader"),
                rs.getObject("joined_at", OffsetDateTime.class), rs.getObject("left_at", OffsetDateTime.class),
                endedById, reason == null ? null : MembershipEnd.valueOf(reason), rs.getString("end_note"));
    }

    private static JoinRequest request(ResultSet rs, int row) throws SQLException {
        long decidedBy = rs.getLong("decided_by");
        Long decidedById = rs.wasNull() ? null : decidedBy;
        return new JoinRequest(rs.getLong("id"), rs.getLong("team_id"), rs.getLong("account_id"), rs.getString("message"),
                JoinRequestStatus.valueOf(rs.getString("status")), decidedById,
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("reason"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
