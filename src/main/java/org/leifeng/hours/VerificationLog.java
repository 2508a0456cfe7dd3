package org.leifeng.hours;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the background verifications (V25 {@code ledger_verification}) and of the lock that runs one at a time. */
@Repository
class VerificationLog {

    /** The advisory lock of the background verification: one node at a time walks the chains. */
    private static final long VERIFICATION_LOCK = 0x4C46_4C45_4447_4552L;

    private final JdbcClient jdbc;

    VerificationLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the lock for the current transaction; false when another node holds it. */
    boolean tryLock() {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", VERIFICATION_LOCK)
                .query(Boolean.class).single());
    }

    void record(Verified verified) {
        LedgerCheck check = verified.check();
        LedgerCheck.Break broken = check.firstBreak();
        jdbc.sql("""
                INSERT INTO ledger_verification (started_at, finished_at, intact, chains, entries, break_volunteer_id,
                    break_entry_id, break_seq, break_problem)
                VALUES (:started, :finished, :intact, :chains, :entries, :volunteer, :entry, :seq, :problem)""")
                .param("started", timestamp(verified.startedAt())).param("finished", timestamp(verified.finishedAt()))
                .param("intact", check.intact()).param("chains", check.volunteers()).param("entries", check.entries())
                .param("volunteer", broken == null ? null : broken.volunteerId())
                .param("entry", broken == null ? null : broken.entryId())
                .param("seq", broken == null ? null : broken.seq())
                .param("problem", broken == null ? null : broken.problem())
                .update();
    }

    Optional<Verified> latest() {
        return jdbc.sql("SELECT * FROM ledger_verification ORDER BY id DESC LIMIT 1").query(VerificationLog::verified)
                .optional();
    }

    private static Verified verified(ResultSet rs, int row) throws SQLException {
        LedgerCheck.Break broken = rs.getBoolean("intact") ? null
                : new LedgerCheck.Break(rs.getLong("break_volunteer_id"), rs.getObject("break_entry_id", Long.class),
                        rs.getObject("break_seq", Integer.class), rs.getString("break_problem"), null, null);
        LedgerCheck check = new LedgerCheck(broken == null, rs.getLong("chains"), rs.getLong("entries"), broken);
        return new Verified(rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                rs.getObject("finished_at", OffsetDateTime.class).toInstant(), check);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** One verification of the whole ledger: when it started and finished, and what it found. */
    record Verified(Instant startedAt, Instant finishedAt, LedgerCheck check) {
    }
}
