package org.leifeng.activity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the search's "next shift" on as shifts begin. Triggers keep {@code activity_listing} current for every write
 * (V9); only the passing of time changes it without a write, so once a minute the listings whose next shift has
 * started are refreshed. Until then such an activity keeps its place in the order for at most a minute, while the
 * page itself always shows the next shift and free places as of the request.
 */
@Component
class ActivityListingRefresh {

    private static final Logger log = LoggerFactory.getLogger(ActivityListingRefresh.class);

    private final JdbcClient jdbc;

    ActivityListingRefresh(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${leifeng.activity-listing.refresh-every:PT1M}", initialDelayString = "PT30S")
    @Transactional
    public void refreshStartedShifts() {
        int refreshed = jdbc.sql("""
                SELECT count(refresh_activity_listing(activity_id)) FROM activity_listing
                WHERE next_shift_at <= now()""").query(Integer.class).single();
        if (refreshed > 0) {
            log.debug("Refreshed the listing of {} activities whose next shift has started", refreshed);
        }
    }
}
