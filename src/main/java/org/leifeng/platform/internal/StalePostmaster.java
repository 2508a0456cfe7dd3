package org.leifeng.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a killed Leifeng leaves behind in the data directory. After {@code kill -9} the JVM dies but its
 * PostgreSQL keeps running (an orphan holding the data directory), or, after a machine crash, a
 * {@code postmaster.pid} names a process that no longer exists. The orphan is shut down cleanly (SIGTERM: it
 * finishes and checkpoints, so nothing committed is lost); a stale pid file is removed.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private StalePostmaster() {
    }

    static void clear(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isPresent() && isPostgres(process.get())) {
            log.warn("PostgreSQL {} from an earlier run still holds {}; shutting it down", pid.get(), pgData);
            stop(process.get());
        } else {
            log.warn("Removing stale {} (process {} is gone)", pidFile, pid.get());
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        try {
            return Optional.of(Long.parseLong(firstLine));
        } catch (NumberFormatException e) {
            return Optional.of(-1L);
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.contains("postgres")).orElse(true);
    }

    private static void stop(ProcessHandle postmaster) {
        postmaster.destroy();
        if (!awaitExit(postmaster)) {
            log.warn("PostgreSQL {} did not stop in {}; killing it", postmaster.pid(), SHUTDOWN_WAIT);
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
            awaitExit(postmaster);
        }
    }

    private static boolean awaitExit(ProcessHandle process) {
        CompletableFuture<ProcessHandle> exit = process.onExit();
        try {
            exit.get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
