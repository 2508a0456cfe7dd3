package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The hours ledger's hash chain ({@link LedgerHash}): hashing one entry (what every credit, approval and correction
 * adds to its transaction), chaining {@code links} entries as {@code Ledger.appendHistory} does when loading history,
 * and walking a stored chain of that length as {@code LedgerVerification} does (recompute each hash, compare the
 * links) without the SQL that reads it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LedgerHashBenchmark {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Param("500")
    public int links;

    private EntryDraft draft;
    private Instant recordedAt;
    private String previous;
    private List<EntryDraft> drafts;
    private List<LedgerEntry> chain;

    @Setup
    public void chain() {
        recordedAt = Instant.parse("2026-11-24T02:00:00.123456Z");
        draft = draft(0);
        previous = LedgerHash.of(17, 41, draft(1), recordedAt, LedgerHash.GENESIS);
        drafts = new ArrayList<>(links);
        chain = new ArrayList<>(links);
        String head = LedgerHash.GENESIS;
        for (int i = 0; i < links; i++) {
            EntryDraft d = draft(i);
            drafts.add(d);
            String hash = LedgerHash.of(17, i + 1, d, recordedAt, head);
            chain.add(LedgerEntry.appended(1_000 + i, 17, i + 1, d, recordedAt, head, hash));
            head = hash;
        }
    }

    /** One entry's canonical form and SHA-256. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public String hashEntry() {
        return LedgerHash.of(17, 42, draft, recordedAt, previous);
    }

    /** {@code links} entries appended to a new chain, each hashed over the one before. */
    @Benchmark
    public String chainEntries() {
        String head = LedgerHash.GENESIS;
        for (int i = 0; i < drafts.size(); i++) {
            head = LedgerHash.of(17, i + 1, drafts.get(i), recordedAt, head);
        }
        return head;
    }

    /** A stored chain of {@code links} entries verified: places, previous hashes, every hash recomputed. */
    @Benchmark
    public boolean verifyChain() {
        String previousHash = LedgerHash.GENESIS;
        for (int i = 0; i < chain.size(); i++) {
            LedgerEntry entry = chain.get(i);
            if (entry.seq() != i + 1 || !entry.prevHash().equals(previousHash) || !LedgerHash.of(entry).equals(entry.hash())) {
                return false;
            }
            previousHash = entry.hash();
        }
        return true;
    }

    /** A CREDIT of attended time as {@code Hours.credit} drafts it. */
    private static EntryDraft draft(int i) {
        LocalDate day = LocalDate.of(2026, 3, 5).plusDays(i);
        Instant from = day.atTime(9, 0).atZone(CITY).toInstant().truncatedTo(ChronoUnit.MICROS);
        BigDecimal hours = new BigDecimal("2.5");
        return new EntryDraft(EntryKind.CREDIT, null, 4_000L + i % 13, i % 2 == 0 ? "关爱空巢老人" : "文明交通劝导",
                90_000L + i, 123, from, from.plusSeconds(9_000), day, hours, hours, null, "attendance:" + (50_000 + i),
                null);
    }
}
