package org.leifeng.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The organisation tree of the bench city, written straight into the running application's database (the app
 * starts with {@code LEIFENG_DEMO=false}, so only the root exists): Kaifeng's nine districts and counties, six
 * streets in each and three communities under each street, 225 nodes with materialised paths as the
 * {@code organisation} table keeps them ({@code /1/<district>/<street>/...}).
 */
final class CitySeeder {

    /** The root organisation (the city), created with id 1 by the first migration. */
    static final long ROOT_ID = 1;
    static final List<String> DISTRICTS = List.of("龙亭区", "顺河回族区", "鼓楼区", "禹王台区", "祥符区", "杞县", "通许县",
            "尉氏县", "兰考县");
    private static final int STREETS = 6;
    private static final int COMMUNITIES = 3;

    /** A district's id and every node of its subtree, itself included. */
    record District(long id, String name, String path, List<Long> subtree) {
    }

    /** The districts with their subtrees, and every node below the root (where volunteers and activities go). */
    record City(List<District> districts, List<Long> organisations) {
    }

    static City seed(Database database) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            long below = countBelowRoot(connection);
            if (below > 0) {
                throw new IllegalStateException("the database already has " + below + " organisations below the root: "
                        + "the bench needs a fresh application started with LEIFENG_DEMO=false (bench/run-all.sh does that)");
            }
            List<District> districts = new ArrayList<>();
            List<Long> all = new ArrayList<>();
            try (PreparedStatement nextId = connection.prepareStatement(
                    "SELECT nextval(pg_get_serial_sequence('organisation', 'id'))");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO organisation (id, parent_id, name, type, path, depth) VALUES (?, ?, ?, ?, ?, ?)")) {
                Node root = new Node(ROOT_ID, "/" + ROOT_ID + "/", 0);
                for (String name : DISTRICTS) {
                    Node district = root.child(nextId, insert, name, "DISTRICT");
                    List<Long> subtree = new ArrayList<>(List.of(district.id));
                    for (int s = 1; s <= STREETS; s++) {
                        Node street = district.child(nextId, insert, name + "第" + s + "街道", "STREET");
                        subtree.add(street.id);
                        for (int c = 1; c <= COMMUNITIES; c++) {
                            subtree.add(street.child(nextId, insert, "第" + c + "社区", "COMMUNITY").id);
                        }
                    }
                    districts.add(new District(district.id, name, district.path, List.copyOf(subtree)));
                    all.addAll(subtree);
                }
            }
            connection.commit();
            return new City(List.copyOf(districts), List.copyOf(all));
        }
    }

    private static long countBelowRoot(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM organisation WHERE parent_id IS NOT NULL")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private record Node(long id, String path, int depth) {

        Node child(PreparedStatement nextId, PreparedStatement insert, String name, String type) throws SQLException {
            long childId;
            try (ResultSet rows = nextId.executeQuery()) {
                rows.next();
                childId = rows.getLong(1);
            }
            Node child = new Node(childId, path + childId + "/", depth + 1);
            insert.setLong(1, childId);
            insert.setLong(2, id);
            insert.setString(3, name);
            insert.setString(4, type);
            insert.setString(5, child.path);
            insert.setInt(6, child.depth);
            insert.executeUpdate();
            return child;
        }
    }
}
