package org.leifeng.activity;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every active series of a draft or published activity generated up to its horizon. Several nodes may
 * schedule it; a PostgreSQL advisory lock held for the transaction lets one of them run it at a time, and the
 * others skip the round.
 */
@Component
class SeriesGeneration {

    private static final Logger log = LoggerFactory.getLogger(SeriesGeneration.class);

    private final SeriesStore store;
    private final ShiftSeries series;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SeriesGeneration(SeriesStore store, ShiftSeries series, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.series = series;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${leifeng.recurrence.every:PT1H}",
            initialDelayString = "${leifeng.recurrence.first-run:PT10M}")
    void onSchedule() {
        int added = extendAll();
        if (added > 0) {
            log.info("Series generation added {} shifts", added);
        }
    }

    /** Extends every lagging series; answers the number of shifts added, 0 when another node holds the lock. */
    int extendAll() {
        Integer added = transactions.execute(status -> {
            if (!store.tryGenerationLock()) {
                return 0;
            }
            LocalDate today = LocalDate.now(clock.withZone(RecurrenceRule.ZONE));
            return store.lagging(today).stream().mapToInt(series::generate).sum();
        });
        return added == null ? 0 : added;
    }
}
