package org.leifeng.platform.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its files and how it starts.
 *
 * @param dataDir the platform's data directory ({@code LEIFENG_DATA_DIR}); PostgreSQL lives in {@code postgres/} inside
 * @param port 0 picks a free port on every start
 * @param clean wipe the database on start (tests only)
 * @param durable wait for the WAL flush on commit; only tests turn it off
 */
@ConfigurationProperties("leifeng.embedded-database")
record EmbeddedDatabaseProperties(Path dataDir, int port, boolean clean, boolean durable) {

    EmbeddedDatabaseProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
    }

    Path postgresDirectory() {
        return dataDir.toAbsolutePath().normalize().resolve("postgres");
    }
}
