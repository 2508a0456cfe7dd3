package org.leifeng.hours;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;

/**
 * Verifies the whole ledger in the background, once the application is ready and then every day
 * ({@code leifeng.ledger-verification.first-run}, {@code .every}), and records the verdict for
 * {@link HoursLedgerHealthIndicator}. It runs on a thread of its own: walking a city's chains takes minutes, which would
 * hold up the scheduled jobs sharing Spring's single scheduler thread. Each run reads one snapshot (REPEATABLE READ),
 * so appends made meanwhile never look like a broken link, and holds an advisory lock: when several nodes run, one
 * walks the chains and the others skip the round — every node's health shows the latest recorded verdict.
 */
@Component
class LedgerWatch {

    private static final Logger log = LoggerFactory.getLogger(LedgerWatch.class);

    private final LedgerVerification verification;
    private final VerificationLog verifications;
    private final TransactionTemplate snapshot;
    private final Clock clock;
    private final Duration firstRun;
    private final Duration every;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread daemon = new Thread(task, "ledger-verification");
        daemon.setDaemon(true);
        return daemon;
    });

    LedgerWatch(LedgerVerification verification, VerificationLog verifications, PlatformTransactionManager transactions,
            Clock clock, @Value("${leifeng.ledger-verification.first-run:PT0S}") Duration firstRun,
            @Value("${leifeng.ledger-verification.every:P1D}") Duration every) {
        this.verification = verification;
        this.verifications = verifications;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
        this.firstRun = firstRun;
        this.every = every;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        thread.scheduleWithFixedDelay(this::verifyInTheBackground, firstRun.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }

    /** Verifies every chain and records the verdict; empty when another node is verifying. */
    Optional<VerificationLog.Verified> verifyNow() {
        return Optional.ofNullable(snapshot.execute(status -> {
            if (!verifications.tryLock()) {
                return null;
            }
            Instant started = clock.instant();
            LedgerCheck check = verification.verifyAll();
            VerificationLog.Verified verified = new VerificationLog.Verified(started, clock.instant(), check);
            verifications.record(verified);
            return verified;
        }));
    }

    private void verifyInTheBackground() {
        try {
            verifyNow().ifPresent(verified -> {
                LedgerCheck check = verified.check();
                if (check.intact()) {
                    log.info("Ledger intact: {} chains, {} entries verified", check.volunteers(), check.entries());
                } else {
                    LedgerCheck.Break broken = check.firstBreak();
                    log.error("Ledger BROKEN at volunteer {}, entry {} (seq {}): {}", broken.volunteerId(),
                            broken.entryId(), broken.seq(), broken.problem());
                }
            });
        } catch (RuntimeException failed) {
            // The next round tries again; a thrown exception would end the schedule.
            log.warn("Ledger verification could not run: {}", failed.toString());
        }
    }
}
