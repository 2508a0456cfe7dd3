package org.leifeng.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

/**
 * With no {@code spring.datasource.url}, Leifeng starts its own PostgreSQL 17 from the zonky binaries, keeping its
 * files in the data directory so they survive restarts. The pool is closed before the server stops because the
 * data source bean depends on the server bean.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    static final String DATABASE = "leifeng";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** Taken before the server starts and let go after it stops (beans are destroyed in reverse order). */
    @Bean(destroyMethod = "close")
    DataDirectoryLock dataDirectoryLock(EmbeddedDatabaseProperties properties) throws IOException {
        Files.createDirectories(properties.postgresDirectory().getParent());
        return DataDirectoryLock.acquire(properties.postgresDirectory().getParent());
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties, DataDirectoryLock heldWhileRunning)
            throws IOException, SQLException {
        Path pgData = properties.postgresDirectory();
        if (properties.clean()) {
            FileSystemUtils.deleteRecursively(pgData);
        }
        Files.createDirectories(pgData.getParent());
        StalePostmaster.clear(pgData);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // Stopped by the context (destroyMethod), after the beans that use it. zonky's own shutdown hook would
                // stop it while the context is still closing: Modulith's event registry would then wait out Hikari's
                // connection timeout for a connection at every shutdown.
                .setRegisterShutdownHook(false)
                .setServerConfig("synchronous_commit", properties.durable() ? "on" : "off")
                .setServerConfig("fsync", properties.durable() ? "on" : "off")
                .setServerConfig("full_page_writes", properties.durable() ? "on" : "off")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "100")
                // Many short requests at once, not a few long reports: starting parallel workers and compiling with
                // JIT cost more than they save here: a page of search results is several times slower with them.
                .setServerConfig("max_parallel_workers_per_gather", "0")
                .setServerConfig("jit", "off");
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        createDatabaseIfMissing(postgres);
        log.info("Embedded PostgreSQL listening on localhost:{}, data in {}", postgres.getPort(), pgData);
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("leifeng-embedded");
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            }
        }
    }
}
