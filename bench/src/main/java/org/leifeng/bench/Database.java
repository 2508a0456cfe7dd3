package org.leifeng.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The running application's embedded PostgreSQL (started with {@code LEIFENG_DB_PORT}; user {@code postgres},
 * trust authentication, database {@code leifeng}, as {@code EmbeddedDatabaseConfiguration} sets it up). Used to
 * seed in bulk and to check results independently of the API.
 */
final class Database {

    private final String url;

    Database(String host, int port) {
        this.url = "jdbc:postgresql://" + host + ":" + port + "/leifeng";
    }

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("reWriteBatchedInserts", "true");
        properties.setProperty("ApplicationName", "leifeng-bench");
        return DriverManager.getConnection(url, properties);
    }

    long queryLong(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    String queryText(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** Rows as column-name maps, in the query's order. */
    List<Map<String, Object>> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<Map<String, Object>> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= columns; c++) {
                    row.put(rows.getMetaData().getColumnLabel(c), rows.getObject(c));
                }
                result.add(row);
            }
            return result;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
