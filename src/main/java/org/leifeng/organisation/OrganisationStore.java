package org.leifeng.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.leifeng.platform.Conflict;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the tree. Inserts take a shared, moves and deactivations an exclusive transaction-level advisory lock on
 * the tree, so a node is never created under a path that a concurrent move is rewriting, nor under a parent that is
 * being deactivated.
 */
@Repository
class OrganisationStore {

    private static final long TREE_LOCK = 0x4c45494645L;
    private static final String COLUMNS = """
            o.id, o.name, o.type, o.parent_id, o.path, o.depth, o.active, o.created_at,
            (SELECT count(*) FROM organisation c WHERE c.parent_id = o.id) AS child_count""";

    private final JdbcClient jdbc;

    OrganisationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Organisation> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation o WHERE o.id = :id").param("id", id)
                .query(OrganisationStore::map).optional();
    }

    Optional<String> pathOf(long id) {
        return jdbc.sql("SELECT path FROM organisation WHERE id = :id").param("id", id).query(String.class).optional();
    }

    List<IdAndPath> pathsOf(Collection<Long> ids) {
        return jdbc.sql("SELECT id, path FROM organisation WHERE id = ANY(:ids)").param("ids", ids.toArray(Long[]::new))
                .query((rs, row) -> new IdAndPath(rs.getLong(1), rs.getString(2))).list();
    }

    List<Long> idsWithin(Collection<String> prefixes) {
        return jdbc.sql("SELECT id FROM organisation WHERE path LIKE ANY(:patterns)")
                .param("patterns", patterns(prefixes)).query(Long.class).list();
    }

    CityOverview cityOverview() {
        return jdbc.sql("""
                SELECT (SELECT name FROM organisation WHERE parent_id IS NULL),
                       (SELECT count(*) FROM organisation WHERE type = 'DISTRICT' AND active),
                       (SELECT count(*) FROM organisation WHERE active)""")
                .query((rs, row) -> new CityOverview(rs.getString(1), rs.getInt(2), rs.getInt(3))).single();
    }

    long rootId() {
        return jdbc.sql("SELECT id FROM organisation WHERE parent_id IS NULL").query(Long.class).single();
    }

    List<Organisation> findAll(Collection<Long> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation o WHERE o.id = ANY(:ids) ORDER BY o.path")
                .param("ids", ids.toArray(Long[]::new)).query(OrganisationStore::map).list();
    }

    /** Names by id, without the rest of each row (the child count is a subquery per row). */
    Map<Long, String> namesOf(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("SELECT id, name FROM organisation WHERE id = ANY(:ids)").param("ids", ids.toArray(Long[]::new))
                .query((rs, row) -> names.put(rs.getLong(1), rs.getString(2))).list();
        return names;
    }

    PageResult<Organisation> children(long parentId, PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM organisation WHERE parent_id = :parent").param("parent", parentId)
                .query(Long.class).single();
        List<Organisation> items = jdbc.sql("SELECT " + COLUMNS + """
                 FROM organisation o WHERE o.parent_id = :parent
                ORDER BY o.active DESC, o.id LIMIT :limit OFFSET :offset""")
                .param("parent", parentId).param("limit", page.size()).param("offset", page.offset())
                .query(OrganisationStore::map).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Organisations within the subtrees whose names contain {@code fragment}, shallowest first. */
    PageResult<Organisation> search(Collection<String> prefixes, String fragment, OrganisationType type, PageRequest page) {
        String where = """
                WHERE o.path LIKE ANY(:patterns)
                  AND (:fragment = '' OR lower(o.name) LIKE '%' || lower(:fragment) || '%')
                  AND (CAST(:type AS TEXT) IS NULL OR o.type = :type)""";
        String escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String typeName = type == null ? null : type.name();
        long total = jdbc.sql("SELECT count(*) FROM organisation o " + where)
                .param("patterns", patterns(prefixes)).param("fragment", escaped).param("type", typeName)
                .query(Long.class).single();
        List<Organisation> items = jdbc.sql("SELECT " + COLUMNS + " FROM organisation o " + where
                        + " ORDER BY o.depth, o.id LIMIT :limit OFFSET :offset")
                .param("patterns", patterns(prefixes)).param("fragment", escaped).param("type", typeName)
                .param("limit", page.size()).param("offset", page.offset())
                .query(OrganisationStore::map).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Inserts a child under an active parent; empty if the parent is gone or inactive. */
    Optional<Long> insert(long parentId, String name, OrganisationType type) {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(:lock)").param("lock", TREE_LOCK).query(Object.class).single();
        try {
            return jdbc.sql("""
                    INSERT INTO organisation (id, parent_id, name, type, path, depth)
                    SELECT n.id, p.id, :name, :type, p.path || n.id || '/', p.depth + 1
                    FROM (SELECT nextval(pg_get_serial_sequence('organisation', 'id')) AS id) n,
                         (SELECT id, path, depth FROM organisation WHERE id = :parent AND active FOR SHARE) p
                    RETURNING id""")
                    .param("parent", parentId).param("name", name).param("type", type.name())
                    .query(Long.class).optional();
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
    }

    void rename(long id, String name) {
        try {
            jdbc.sql("UPDATE organisation SET name = :name WHERE id = :id").param("id", id).param("name", name).update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
    }

    void lockTreeExclusively() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", TREE_LOCK).query(Object.class).single();
    }

    /** Re-parents a node and rewrites the paths and depths of its whole subtree in one statement. */
    void move(Organisation node, Organisation newParent) {
        String newPath = newParent.path() + node.id() + "/";
        int depthChange = newParent.depth() + 1 - node.depth();
        try {
            jdbc.sql("UPDATE organisation SET parent_id = :parent WHERE id = :id")
                    .param("parent", newParent.id()).param("id", node.id()).update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(node.name());
        }
        jdbc.sql("""
                UPDATE organisation SET path = :newPath || substr(path, length(:oldPath) + 1), depth = depth + :change
                WHERE path LIKE :oldPath || '%'""")
                .param("newPath", newPath).param("oldPath", node.path()).param("change", depthChange).update();
    }

    /** Sets the flag unless the condition in SQL refuses: deactivation needs no active child. */
    boolean setActive(long id, boolean active) {
        String guard = active ? "" : " AND NOT EXISTS (SELECT 1 FROM organisation c WHERE c.parent_id = :id AND c.active)";
        return jdbc.sql("UPDATE organisation SET active = :active WHERE id = :id" + guard)
                .param("id", id).param("active", active).update() == 1;
    }

    private static String[] patterns(Collection<String> prefixes) {
        return prefixes.stream().map(prefix -> prefix + "%").toArray(String[]::new);
    }

    private static Conflict nameTaken(String name) {
        return new Conflict("problem.organisationNameTaken", "Another organisation under this parent is already called "
                + name + ".", name);
    }

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        // getObject, not getLong + wasNull: wasNull reports on the column read last, which by then is "type".
        Long parent = rs.getObject("parent_id", Long.class);
        return new Organisation(rs.getLong("id"), rs.getString("name"), OrganisationType.valueOf(rs.getString("type")),
                parent, rs.getString("path"), rs.getInt("depth"), rs.getBoolean("active"),
                rs.getInt("child_count"), rs.getObject("created_at", OffsetDateTime.class));
    }

    record IdAndPath(long id, String path) {
    }
}
