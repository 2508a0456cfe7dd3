package org.leifeng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The suite's own embedded PostgreSQL belongs to a running Leifeng: a second start on its data directory (such as
 * {@code --leifeng.verify-ledger} while the platform runs) must be refused, and the server left alone.
 */
@LeifengTest
class DataDirectoryLockIntegrationTest {

    @Autowired
    EmbeddedDatabaseProperties properties;
    @Autowired
    JdbcClient jdbc;

    @Test
    void refusesASecondStartOnTheDataDirectoryOfALeifengThatIsRunning() {
        assertThatThrownBy(() -> DataDirectoryLock.acquire(properties.postgresDirectory().getParent()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stop it first");

        assertThat(jdbc.sql("SELECT 1").query(Integer.class).single()).as("the server still answers").isEqualTo(1);
        assertThat(properties.postgresDirectory().resolve("postmaster.pid")).exists();
    }
}
