package org.leifeng.hours;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the ledger (V11): entries, the per-volunteer account row, credited time and disputes. */
@Repository
class HoursStore {

    private static final String ENTRY_COLUMNS = """
            id, volunteer_id, seq, kind, refers_to, activity_id, activity_title, shift_id, organisation_id,
            served_from, served_until, service_date, hours, delta, note, source_key, recorded_by, recorded_at,
            prev_hash, hash""";

    /** Rows fetched per round trip when a query is streamed (inside a transaction, PostgreSQL then uses a cursor). */
    private static final int STREAM_FETCH = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JdbcTemplate streaming;

    HoursStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.streaming = new JdbcTemplate(batch.getDataSource());
        this.streaming.setFetchSize(STREAM_FETCH);
    }

    /**
     * The counted records of the organisations served in [from, to), by day, through a cursor: memory stays flat
     * however many there are. Hours are the latest correction's, else the record's own.
     */
    void forEachCountedRecord(Collection<Long> organisations, LocalDate from, LocalDate to,
            Consumer<CountedRecord> consumer) {
        streaming.query("""
                SELECT e.id, e.service_date, e.volunteer_id, e.organisation_id, e.activity_title, e.served_from,
                       e.served_until,
                       coalesce((SELECT c.hours FROM service_entry c WHERE c.refers_to = e.id AND c.kind = 'CORRECTION'
                                 ORDER BY c.seq DESC LIMIT 1), e.hours) AS hours
                FROM service_entry e
                WHERE e.organisation_id = ANY(?) AND e.service_date >= ? AND e.service_date < ?
                  AND (e.kind = 'CREDIT' OR e.kind = 'MANUAL' AND EXISTS (
                        SELECT 1 FROM service_entry a WHERE a.refers_to = e.id AND a.kind = 'APPROVAL'))
                ORDER BY e.service_date, e.organisation_id""", (ResultSet rs) -> {
                    consumer.accept(new CountedRecord(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
                            rs.getLong(4), rs.getString(5), instant(rs, "served_from"), instant(rs, "served_until"),
                            rs.getBigDecimal(8)));
                }, organisations.toArray(Long[]::new), from, to);
    }

    /** Ids for entries about to be written in one batch. */
    List<Long> nextIds(int count) {
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence('service_entry', 'id')) FROM generate_series(1, :n)")
                .param("n", count).query(Long.class).list();
    }

    /** Writes many entries of one chain at once (entries carry their ids, places and hashes). */
    void insertAll(List<LedgerEntry> entries) {
        batch.batchUpdate("""
                INSERT INTO service_entry (id, volunteer_id, seq, kind, refers_to, activity_id, activity_title, shift_id,
                    organisation_id, served_from, served_until, service_date, hours, delta, note, source_key,
                    recorded_by, recorded_at, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries, 500, (statement, e) -> {
            Object[] values = {e.id(), e.volunteerId(), e.seq(), e.kind().name(), e.refersTo(), e.activityId(),
                    e.activityTitle(), e.shiftId(), e.organisationId(), timestamp(e.servedFrom()),
                    timestamp(e.servedUntil()), e.serviceDate(), e.hours(), e.delta(), e.note(), e.sourceKey(),
                    e.recordedBy(), timestamp(e.recordedAt()), e.prevHash(), e.hash()};
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
        });
        batch.batchUpdate("""
                INSERT INTO credited_time (entry_id, volunteer_id, during) VALUES (?, ?, tstzrange(?, ?))""",
                entries.stream().filter(e -> e.kind() == EntryKind.CREDIT).toList(), 500, (statement, e) -> {
                    statement.setLong(1, e.id());
                    statement.setLong(2, e.volunteerId());
                    statement.setObject(3, timestamp(e.servedFrom()));
                    statement.setObject(4, timestamp(e.servedUntil()));
                });
    }

    /** Locks the volunteer's account row, creating it at the genesis on the first entry. */
    Account lockAccount(long volunteerId, Instant now) {
        jdbc.sql("""
                INSERT INTO hours_account (volunteer_id, head_hash, updated_at) VALUES (:volunteer, :genesis, :now)
                ON CONFLICT (volunteer_id) DO NOTHING""")
                .param("volunteer", volunteerId).param("genesis", LedgerHash.GENESIS).param("now", timestamp(now))
                .update();
        return jdbc.sql("""
                SELECT entries, head_hash, total_hours, star_level FROM hours_account
                WHERE volunteer_id = :volunteer FOR UPDATE""").param("volunteer", volunteerId)
                .query((rs, row) -> new Account(volunteerId, rs.getInt("entries"), rs.getString("head_hash"),
                        rs.getBigDecimal("total_hours"), rs.getInt("star_level")))
                .single();
    }

    Optional<Account> account(long volunteerId) {
        return jdbc.sql("SELECT entries, head_hash, total_hours, star_level FROM hours_account WHERE volunteer_id = :v")
                .param("v", volunteerId)
                .query((rs, row) -> new Account(volunteerId, rs.getInt("entries"), rs.getString("head_hash"),
                        rs.getBigDecimal("total_hours"), rs.getInt("star_level")))
                .optional();
    }

    long insert(long volunteerId, int seq, EntryDraft draft, Instant recordedAt, String prevHash, String hash) {
        return jdbc.sql("""
                INSERT INTO service_entry (volunteer_id, seq, kind, refers_to, activity_id, activity_title, shift_id,
                    organisation_id, served_from, served_until, service_date, hours, delta, note, source_key,
                    recorded_by, recorded_at, prev_hash, hash)
                VALUES (:volunteer, :seq, :kind, :refersTo, :activity, :title, :shift, :organisation, :from, :until,
                    :date, :hours, :delta, :note, :source, :by, :at, :prev, :hash)
                RETURNING id""")
                .param("volunteer", volunteerId).param("seq", seq).param("kind", draft.kind().name())
                .param("refersTo", draft.refersTo()).param("activity", draft.activityId())
                .param("title", draft.activityTitle()).param("shift", draft.shiftId())
                .param("organisation", draft.organisationId()).param("from", timestamp(draft.servedFrom()))
                .param("until", timestamp(draft.servedUntil())).param("date", draft.serviceDate())
                .param("hours", draft.hours()).param("delta", draft.delta()).param("note", draft.note())
                .param("source", draft.sourceKey()).param("by", draft.recordedBy()).param("at", timestamp(recordedAt))
                .param("prev", prevHash).param("hash", hash)
                .query(Long.class).single();
    }

    /** Moves the account to its new head; {@code before} is the entry count it was locked at. */
    void advance(long volunteerId, int entries, String headHash, BigDecimal total, int level, Instant now, int before) {
        int moved = jdbc.sql("""
                UPDATE hours_account SET entries = :entries, head_hash = :head, total_hours = :total,
                    star_level = :level, updated_at = :now
                WHERE volunteer_id = :volunteer AND entries = :before""")
                .param("volunteer", volunteerId).param("entries", entries).param("head", headHash)
                .param("total", total).param("level", level).param("now", timestamp(now)).param("before", before)
                .update();
        if (moved != 1) {
            throw new IllegalStateException("The chain of volunteer " + volunteerId + " moved while it was locked");
        }
    }

    boolean sourceCredited(String sourceKey) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM service_entry WHERE source_key = :key)").param("key", sourceKey)
                .query(Boolean.class).single();
    }

    /** Whether any credited time of the volunteer overlaps [from, until). */
    boolean overlapsCredited(long volunteerId, Instant from, Instant until) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM credited_time
                    WHERE volunteer_id = :volunteer AND during && tstzrange(:from, :until))""")
                .param("volunteer", volunteerId).param("from", timestamp(from)).param("until", timestamp(until))
                .query(Boolean.class).single();
    }

    void claimTime(long entryId, long volunteerId, Instant from, Instant until) {
        jdbc.sql("INSERT INTO credited_time (entry_id, volunteer_id, during) VALUES (:entry, :volunteer, tstzrange(:from, :until))")
                .param("entry", entryId).param("volunteer", volunteerId).param("from", timestamp(from))
                .param("until", timestamp(until)).update();
    }

    Optional<LedgerEntry> entry(long id) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM service_entry WHERE id = :id").param("id", id)
                .query(HoursStore::entry).optional();
    }

    /** The volunteer's whole chain in order. */
    List<LedgerEntry> chain(long volunteerId) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM service_entry WHERE volunteer_id = :v ORDER BY seq")
                .param("v", volunteerId).query(HoursStore::entry).list();
    }

    /** Entries that refer to these records (decisions and corrections), oldest first. */
    List<LedgerEntry> referringTo(Collection<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM service_entry WHERE refers_to = ANY(:ids) ORDER BY seq")
                .param("ids", recordIds.toArray(Long[]::new)).query(HoursStore::entry).list();
    }

    /** Manual entries not yet decided, of these organisations, oldest first. */
    List<LedgerEntry> undecidedManual(Collection<Long> organisationIds, int limit) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + """
                 FROM service_entry m WHERE m.kind = 'MANUAL' AND m.organisation_id = ANY(:orgs)
                  AND NOT EXISTS (SELECT 1 FROM service_entry d WHERE d.refers_to = m.id
                                  AND d.kind IN ('APPROVAL', 'REJECTION'))
                ORDER BY m.id LIMIT :limit""").param("orgs", organisationIds.toArray(Long[]::new))
                .param("limit", limit).query(HoursStore::entry).list();
    }

    /** Hours counted on a calendar day (Asia/Shanghai) for the volunteer, corrections included. */
    BigDecimal countedOn(long volunteerId, LocalDate day) {
        return jdbc.sql("""
                SELECT coalesce(sum(delta), 0) FROM service_entry
                WHERE volunteer_id = :v AND service_date = :day""").param("v", volunteerId).param("day", day)
                .query(BigDecimal.class).single();
    }

    /** Volunteers with a chain, in id order after {@code after}: the verification walks them in batches. */
    List<Long> volunteersWithChains(long after, int limit) {
        return jdbc.sql("SELECT volunteer_id FROM hours_account WHERE volunteer_id > :after ORDER BY volunteer_id LIMIT :limit")
                .param("after", after).param("limit", limit).query(Long.class).list();
    }

    void forEachCredit(Consumer<HoursCredited> consumer) {
        jdbc.sql("""
                SELECT id, volunteer_id, organisation_id, activity_id, service_date, delta,
                       CASE WHEN kind = 'CORRECTION' THEN refers_to END AS corrects
                FROM service_entry WHERE delta <> 0 ORDER BY id""")
                .query((rs, row) -> new HoursCredited(rs.getLong("id"), rs.getLong("volunteer_id"),
                        rs.getLong("organisation_id"), nullableLong(rs, "activity_id"),
                        rs.getObject("service_date", LocalDate.class), rs.getBigDecimal("delta"),
                        nullableLong(rs, "corrects")))
                .stream().forEach(consumer);
    }

    Map<Long, BigDecimal> countedByOrganisation() {
        Map<Long, BigDecimal> totals = new HashMap<>();
        jdbc.sql("SELECT organisation_id, sum(delta) FROM service_entry GROUP BY organisation_id")
                .query((rs, row) -> totals.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return totals;
    }

    long disputeOpen(LedgerEntry record, String comment, Instant now) {
        return jdbc.sql("""
                INSERT INTO service_dispute (entry_id, volunteer_id, organisation_id, comment, opened_at)
                VALUES (:entry, :volunteer, :organisation, :comment, :now) RETURNING id""")
                .param("entry", record.id()).param("volunteer", record.volunteerId())
                .param("organisation", record.organisationId()).param("comment", comment).param("now", timestamp(now))
                .query(Long.class).single();
    }

    Optional<Dispute> dispute(long id) {
        return jdbc.sql("SELECT * FROM service_dispute WHERE id = :id").param("id", id).query(HoursStore::dispute)
                .optional();
    }

    List<Dispute> disputesOf(long volunteerId) {
        return jdbc.sql("SELECT * FROM service_dispute WHERE volunteer_id = :v ORDER BY opened_at DESC")
                .param("v", volunteerId).query(HoursStore::dispute).list();
    }

    List<Dispute> openDisputes(Collection<Long> organisationIds, int limit) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM service_dispute WHERE status = 'OPEN' AND organisation_id = ANY(:orgs)
                ORDER BY opened_at LIMIT :limit""").param("orgs", organisationIds.toArray(Long[]::new))
                .param("limit", limit).query(HoursStore::dispute).list();
    }

    /** Closes an open dispute; false when someone else closed it first. */
    boolean resolveDispute(long id, DisputeStatus status, String reply, Long correctionId, long by, Instant now) {
        return jdbc.sql("""
                UPDATE service_dispute SET status = :status, reply = :reply, correction_id = :correction,
                    resolved_by = :by, resolved_at = :now
                WHERE id = :id AND status = 'OPEN'""")
                .param("id", id).param("status", status.name()).param("reply", reply).param("correction", correctionId)
                .param("by", by).param("now", timestamp(now)).update() == 1;
    }

    private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), rs.getLong("volunteer_id"), rs.getInt("seq"),
                EntryKind.valueOf(rs.getString("kind")), nullableLong(rs, "refers_to"), nullableLong(rs, "activity_id"),
                rs.getString("activity_title"), nullableLong(rs, "shift_id"), rs.getLong("organisation_id"),
                instant(rs, "served_from"), instant(rs, "served_until"), rs.getObject("service_date", LocalDate.class),
                rs.getBigDecimal("hours"), rs.getBigDecimal("delta"), rs.getString("note"), rs.getString("source_key"),
                nullableLong(rs, "recorded_by"), instant(rs, "recorded_at"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private static Dispute dispute(ResultSet rs, int row) throws SQLException {
        return new Dispute(rs.getLong("id"), rs.getLong("entry_id"), rs.getLong("volunteer_id"),
                rs.getLong("organisation_id"), rs.getString("comment"), instant(rs, "opened_at"),
                DisputeStatus.valueOf(rs.getString("status")), rs.getString("reply"), nullableLong(rs, "correction_id"),
                instant(rs, "resolved_at"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    record Account(long volunteerId, int entries, String headHash, BigDecimal totalHours, int starLevel) {
    }

    record Dispute(long id, long entryId, long volunteerId, long organisationId, String comment, Instant openedAt,
            DisputeStatus status, String reply, Long correctionId, Instant resolvedAt) {
    }
}
