package org.leifeng.platform.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.leifeng.platform.DemoDataContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo city. Whether a database is a demo is decided on its first start and remembered: {@code
 * LEIFENG_DEMO=true} or {@code false} decides explicitly; unset, an embedded database that is new is a demo and an
 * external one is not. On every start of a demo database, contributors that have not loaded yet load, each in one
 * transaction with its record, so two nodes starting together cannot load one twice.
 */
@Component
@Order(100)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String SETTING = "demo";

    private final List<DemoDataContributor> contributors;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final String requested;
    private final boolean embedded;

    DemoDataLoader(List<DemoDataContributor> contributors, JdbcClient jdbc, TransactionTemplate transaction,
            @Value("${leifeng.demo:}") String requested, Optional<EmbeddedPostgres> embedded) {
        this.contributors = contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order)).toList();
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.requested = requested == null ? "" : requested.trim().toLowerCase();
        this.embedded = embedded.isPresent();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!isDemo()) {
            return;
        }
        for (DemoDataContributor contributor : contributors) {
            transaction.executeWithoutResult(status -> loadOnce(contributor));
        }
    }

    private boolean isDemo() {
        boolean decided = switch (requested) {
            case "true" -> true;
            case "false" -> false;
            default -> jdbc.sql("SELECT value FROM platform_setting WHERE name = :name").param("name", SETTING)
                    .query(String.class).optional().map(Boolean::parseBoolean).orElse(embedded);
        };
        jdbc.sql("""
                INSERT INTO platform_setting (name, value) VALUES (:name, :value)
                ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value""")
                .param("name", SETTING).param("value", Boolean.toString(decided)).update();
        return decided;
    }

    private void loadOnce(DemoDataContributor contributor) {
        int claimed = jdbc.sql("INSERT INTO demo_data_load (contributor) VALUES (:key) ON CONFLICT DO NOTHING")
                .param("key", contributor.key()).update();
        if (claimed == 1) {
            long started = System.nanoTime();
            contributor.load();
            log.info("Loaded demo data {} in {} ms", contributor.key(), (System.nanoTime() - started) / 1_000_000);
        }
    }
}
