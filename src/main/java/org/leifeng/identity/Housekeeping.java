package org.leifeng.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes what no rule reads any more: sign-in failures older than a day (the lockout looks back an hour) and
 * tokens that expired a month ago. Idempotent, so several nodes may run it at once.
 */
@Component
class Housekeeping {

    private final JdbcClient jdbc;
    private final Clock clock;

    Housekeeping(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        var now = clock.instant();
        jdbc.sql("DELETE FROM sign_in_failure WHERE failed_at < :before")
                .param("before", now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("DELETE FROM api_token WHERE expires_at < :before")
                .param("before", now.minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC)).update();
    }
}
