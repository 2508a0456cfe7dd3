package org.leifeng.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the audit entries of requests answered at about the same time with one statement, so they share one commit.
 *
 * <p>An entry per request in a commit of its own would make every state-changing request pay a second transaction and a
 * second flush of the write-ahead log, in a check-in burst a large share of the database's work. Here one thread
 * writes: while it writes a group, the entries that arrive wait and become the next group. Every caller still waits
 * until its own entry is committed, and {@link AuditFilter} holds the answer until then, so no client holds an answer
 * that the audit log does not show.
 */
@Component
class AuditWriter implements DisposableBean {

    /** The most entries one statement writes. */
    static final int MOST_PER_STATEMENT = 256;

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);

    private final JdbcClient jdbc;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final Thread writer;

    AuditWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.writer = new Thread(this::writeUntilStopped, "audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** One row of the audit log, its columns already cut to size. */
    record Entry(Long actorId, String actorName, String remoteAddress, String action, String entityType,
            String entityId, Long organisationId, Integer outcome, String detail) {
    }

    /** Writes the entry with those waiting at the same time; returns once it is committed, or throws why it is not. */
    void write(Entry entry) {
        Pending pending = new Pending(entry, new CompletableFuture<>());
        waiting.add(pending);
        if (!writer.isAlive() && waiting.remove(pending)) {
            throw new IllegalStateException("the audit writer has stopped: the application is shutting down");
        }
        try {
            pending.written.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /** How many entries wait for the next statement (for tests that hold the audit log). */
    int waiting() {
        return waiting.size();
    }

    private void writeUntilStopped() {
        List<Pending> group = new ArrayList<>();
        try {
            while (true) {
                group.add(waiting.take());
                waiting.drainTo(group, MOST_PER_STATEMENT - 1);
                writeGroup(group);
                group.clear();
            }
        } catch (InterruptedException stopping) {
            // Shutting down: whoever still waits is written before the thread ends.
            waiting.drainTo(group);
            if (!group.isEmpty()) {
                writeGroup(group);
            }
        }
    }

    private void writeGroup(List<Pending> group) {
        try {
            insert(group.stream().map(Pending::entry).toList());
            group.forEach(pending -> pending.written.complete(null));
        } catch (RuntimeException | Error failed) {
            if (group.size() == 1) {
                group.get(0).written.completeExceptionally(failed);
                return;
            }
            // One entry that cannot be written must not lose the others.
            log.warn("Writing {} audit entries together failed; writing them one by one", group.size(), failed);
            group.forEach(alone -> writeGroup(List.of(alone)));
        }
    }

    /** Inserts the entries now, in the caller's transaction if there is one. */
    void insert(List<Entry> entries) {
        jdbc.sql("""
                INSERT INTO audit_log (actor_id, actor_name, remote_address, action, entity_type, entity_id,
                                       organisation_id, outcome, detail)
                SELECT * FROM unnest(CAST(:actorIds AS BIGINT[]), CAST(:actorNames AS VARCHAR[]),
                                     CAST(:addresses AS VARCHAR[]), CAST(:actions AS VARCHAR[]),
                                     CAST(:entityTypes AS VARCHAR[]), CAST(:entityIds AS VARCHAR[]),
                                     CAST(:organisations AS BIGINT[]), CAST(:outcomes AS INT[]),
                                     CAST(:details AS VARCHAR[]))""")
                .param("actorIds", entries.stream().map(Entry::actorId).toArray(Long[]::new))
                .param("actorNames", entries.stream().map(Entry::actorName).toArray(String[]::new))
                .param("addresses", entries.stream().map(Entry::remoteAddress).toArray(String[]::new))
                .param("actions", entries.stream().map(Entry::action).toArray(String[]::new))
                .param("entityTypes", entries.stream().map(Entry::entityType).toArray(String[]::new))
                .param("entityIds", entries.stream().map(Entry::entityId).toArray(String[]::new))
                .param("organisations", entries.stream().map(Entry::organisationId).toArray(Long[]::new))
                .param("outcomes", entries.stream().map(Entry::outcome).toArray(Integer[]::new))
                .param("details", entries.stream().map(Entry::detail).toArray(String[]::new))
                .update();
    }

    @Override
    public void destroy() throws InterruptedException {
        writer.interrupt();
        writer.join(10_000);
    }

    private record Pending(Entry entry, CompletableFuture<Void> written) {
    }
}
