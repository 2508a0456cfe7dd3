package org.leifeng.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for teams. Names and invite codes are kept unique by the schema; this class turns its refusals into answers. */
@Repository
class TeamStore {

    /** A fresh random code collides with an existing one about once in 10¹¹ tries: a few tries always suffice. */
    private static final int CODE_ATTEMPTS = 5;
    private static final String COLUMNS = """
            SELECT t.id, t.organisation_id, o.name AS organisation_name, t.name, t.description, t.leader_account_id,
                   t.active, t.created_at, t.invite_code,
                   (SELECT count(*) FROM team_membership m WHERE m.team_id = t.id AND m.left_at IS NULL) AS member_count
            FROM team t JOIN organisation o ON o.id = t.organisation_id""";

    private final JdbcClient jdbc;

    TeamStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a team under an active organisation, locked against a concurrent deactivation; empty if the organisation
     * is gone or inactive.
     */
    Optional<Long> insert(NewTeam team) {
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            try {
                List<Long> inserted = jdbc.sql("""
                        INSERT INTO team (organisation_id, name, description, leader_account_id, invite_code)
                        SELECT o.id, :name, :description, :leader, :code
                        FROM (SELECT id FROM organisation WHERE id = :organisation AND active FOR SHARE) o
                        ON CONFLICT (invite_code) DO NOTHING
                        RETURNING id""")
                        .param("organisation", team.organisationId()).param("name", team.name())
                        .param("description", team.description()).param("leader", team.leaderAccountId())
                        .param("code", InviteCodes.next())
                        .query(Long.class).list();
                if (!inserted.isEmpty()) {
                    return Optional.of(inserted.get(0));
                }
                if (!organisationActive(team.organisationId())) {
                    return Optional.empty();
                }
            } catch (DuplicateKeyException e) {
                throw new TeamNameTaken(team.name());
            }
        }
        throw new IllegalStateException("no free invite code after " + CODE_ATTEMPTS + " attempts");
    }

    Optional<Team> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE t.id = :id").param("id", id).query(TeamStore::map).optional();
    }

    Optional<Team> findByInviteCode(String code) {
        return jdbc.sql(COLUMNS + " WHERE t.invite_code = :code").param("code", code).query(TeamStore::map).optional();
    }

    /** The leader, with the team locked against a change of leader until the transaction ends. */
    Optional<Long> lockLeader(long id) {
        return jdbc.sql("SELECT leader_account_id FROM team WHERE id = :id FOR SHARE").param("id", id)
                .query(Long.class).optional();
    }

    /**
     * Teams within the subtrees of {@code prefixes}, or with {@code memberId} among their live members, whose names
     * contain {@code fragment}; {@code within} narrows to one subtree. Active teams first, then by name.
     */
    PageResult<Team> search(Collection<String> prefixes, Long memberId, String within, String fragment, PageRequest page) {
        String where = """
                 WHERE (o.path LIKE ANY(:patterns) OR EXISTS (SELECT 1 FROM team_membership m
                        WHERE m.team_id = t.id AND m.account_id = :member AND m.left_at IS NULL))
                   AND (:within = '' OR o.path LIKE :within || '%')
                   AND (:fragment = '' OR lower(t.name) LIKE '%' || lower(:fragment) || '%')""";
        String[] patterns = prefixes.stream().map(prefix -> prefix + "%").toArray(String[]::new);
        String escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        long member = memberId == null ? -1 : memberId;
        long total = jdbc.sql("SELECT count(*) FROM team t JOIN organisation o ON o.id = t.organisation_id " + where)
                .param("patterns", patterns).param("member", member).param("within", within).param("fragment", escaped)
                .query(Long.class).single();
        List<Team> items = jdbc.sql(COLUMNS + " " + where + " ORDER BY t.active DESC, o.path, t.name, t.id LIMIT :limit OFFSET :offset")
                .param("patterns", patterns).param("member", member).param("within", within).param("fragment", escaped)
                .param("limit", page.size()).param("offset", page.offset())
                .query(TeamStore::map).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    void update(long id, String name, String description, Boolean active) {
        try {
            jdbc.sql("""
                    UPDATE team SET name = coalesce(:name, name),
                                    description = CASE WHEN CAST(:description AS TEXT) IS NULL THEN description
                                                       ELSE nullif(:description, '') END,
                                    active = coalesce(:active, active)
                    WHERE id = :id""")
                    .param("id", id).param("name", name).param("description", description).param("active", active)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new TeamNameTaken(name);
        }
    }

    /** Hands the team to another leader; answers the one before. */
    long changeLeader(long id, long leaderId) {
        return jdbc.sql("""
                UPDATE team t SET leader_account_id = :leader FROM team before
                WHERE t.id = :id AND before.id = t.id
                RETURNING before.leader_account_id""")
                .param("id", id).param("leader", leaderId).query(Long.class).single();
    }

    /** Replaces the invite code, so the old one stops working at once. */
    String regenerateInviteCode(long id) {
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            String code = InviteCodes.next();
            // The NOT EXISTS spares the transaction a unique violation on the (astronomically rare) collision.
            int updated = jdbc.sql("""
                    UPDATE team SET invite_code = :code
                    WHERE id = :id AND NOT EXISTS (SELECT 1 FROM team other WHERE other.invite_code = :code)""")
                    .param("id", id).param("code", code).update();
            if (updated == 1) {
                return code;
            }
        }
        throw new IllegalStateException("no free invite code after " + CODE_ATTEMPTS + " attempts");
    }

    /** Organisations named {@code name} directly under {@code parentId}: for the demo city. */
    Optional<Long> organisationNamed(long parentId, String name) {
        return jdbc.sql("SELECT id FROM organisation WHERE parent_id = :parent AND lower(name) = lower(:name)")
                .param("parent", parentId).param("name", name).query(Long.class).optional();
    }

    private boolean organisationActive(long organisationId) {
        return jdbc.sql("SELECT active FROM organisation WHERE id = :id").param("id", organisationId)
                .query(Boolean.class).optional().orElse(false);
    }

    private static Team map(ResultSet rs, int row) throws SQLException {
        return new Team(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("organisation_name"),
                rs.getString("name"), rs.getString("description"), rs.getLong("leader_account_id"),
                rs.getBoolean("active"), rs.getInt("member_count"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("invite_code"), false);
    }

    List<Long> activeIdsWithin(String organisationPath) {
        return jdbc.sql("""
                SELECT t.id FROM team t JOIN organisation o ON o.id = t.organisation_id
                WHERE o.path LIKE :prefix || '%' AND t.active ORDER BY t.id""")
                .param("prefix", organisationPath).query(Long.class).list();
    }

    Map<Long, String> namesOf(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("SELECT id, name FROM team WHERE id = ANY(:ids)").param("ids", ids.toArray(Long[]::new))
                .query((rs, row) -> names.put(rs.getLong(1), rs.getString(2))).list();
        return names;
    }
}
