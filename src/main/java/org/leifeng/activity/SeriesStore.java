package org.leifeng.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for shift series and the shifts they generate. */
@Repository
class SeriesStore {

    /** The advisory lock of the generation job: one node at a time extends the series. */
    private static final long GENERATION_LOCK = 0x4C46_5345_5249_4553L;

    private final JdbcClient jdbc;

    SeriesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long activityId, RecurrenceRule rule, NewSeries series, LocalDate startsOn, int horizonDays,
            long createdBy) {
        return jdbc.sql("""
                INSERT INTO shift_series (activity_id, rrule, starts_on, start_time, duration_minutes, capacity, position,
                    horizon_days, created_by)
                VALUES (:activity, :rrule, :startsOn, :startTime, :duration, :capacity, :position, :horizon, :createdBy)
                RETURNING id""")
                .param("activity", activityId).param("rrule", rule.text()).param("startsOn", startsOn)
                .param("startTime", series.startTime()).param("duration", series.durationMinutes())
                .param("capacity", series.capacity()).param("position", series.position())
                .param("horizon", horizonDays).param("createdBy", createdBy)
                .query(Long.class).single();
    }

    Optional<SeriesView> find(long id) {
        return jdbc.sql("SELECT * FROM shift_series WHERE id = :id").param("id", id)
                .query(SeriesStore::series).optional();
    }

    /** The series, locked until the transaction ends: generation and ending a series never interleave. */
    Optional<SeriesView> lock(long id) {
        return jdbc.sql("SELECT * FROM shift_series WHERE id = :id FOR UPDATE").param("id", id)
                .query(SeriesStore::series).optional();
    }

    List<SeriesView> ofActivity(long activityId) {
        return jdbc.sql("SELECT * FROM shift_series WHERE activity_id = :id ORDER BY id").param("id", activityId)
                .query(SeriesStore::series).list();
    }

    List<ShiftView> shiftsOf(long seriesId) {
        return jdbc.sql("SELECT * FROM shift WHERE series_id = :id ORDER BY occurrence_date").param("id", seriesId)
                .query(ActivityStore::shift).list();
    }

    /** Active series of open activities whose generation lags behind their horizon. */
    List<Long> lagging(LocalDate today) {
        return jdbc.sql("""
                SELECT s.id FROM shift_series s JOIN activity a ON a.id = s.activity_id
                WHERE s.active AND a.status IN ('DRAFT', 'PUBLISHED') AND NOT a.backfilled
                  AND (s.generated_until IS NULL OR s.generated_until < CAST(:today AS DATE) + s.horizon_days)
                  AND (s.ends_on IS NULL OR s.ends_on > s.generated_until OR s.generated_until IS NULL)
                ORDER BY s.id""")
                .param("today", today).query(Long.class).list();
    }

    boolean tryGenerationLock() {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", GENERATION_LOCK)
                .query(Boolean.class).single());
    }

    /** Inserts one occurrence unless its row exists already (even moved or cancelled); true when inserted. */
    boolean insertOccurrence(SeriesView series, LocalDate date, OffsetDateTime startsAt) {
        return jdbc.sql("""
                INSERT INTO shift (activity_id, starts_at, ends_at, capacity, position, series_id, occurrence_date)
                VALUES (:activity, :starts, :ends, :capacity, :position, :series, :date)
                ON CONFLICT (series_id, occurrence_date) DO NOTHING""")
                .param("activity", series.activityId()).param("starts", startsAt)
                .param("ends", startsAt.plusMinutes(series.durationMinutes())).param("capacity", series.capacity())
                .param("position", series.position()).param("series", series.id()).param("date", date)
                .update() == 1;
    }

    void generatedUntil(long seriesId, LocalDate until) {
        jdbc.sql("UPDATE shift_series SET generated_until = GREATEST(generated_until, :until) WHERE id = :id")
                .param("id", seriesId).param("until", until).update();
    }

    void deactivate(long seriesId, OffsetDateTime now) {
        jdbc.sql("UPDATE shift_series SET active = FALSE, ended_at = :now WHERE id = :id AND active")
                .param("id", seriesId).param("now", now).update();
    }

    void endOn(long seriesId, LocalDate lastDate) {
        jdbc.sql("UPDATE shift_series SET ends_on = :last WHERE id = :id").param("id", seriesId).param("last", lastDate)
                .update();
    }

    /**
     * Cancels the series' open shifts that start after {@code now} (and lie after {@code lastDate}, when given) and
     * hold nobody; answers their ids. The condition is re-checked on the locked row, so a sign-up that lands first
     * keeps its shift.
     */
    List<Long> cancelUnclaimed(long seriesId, OffsetDateTime now, LocalDate lastDate) {
        return jdbc.sql("""
                UPDATE shift SET status = 'CANCELLED'
                WHERE series_id = :id AND status = 'OPEN' AND starts_at > :now
                  AND (CAST(:last AS DATE) IS NULL OR occurrence_date > CAST(:last AS DATE))
                  AND confirmed = 0 AND pending = 0 AND waitlisted = 0
                RETURNING id""")
                .param("id", seriesId).param("now", now).param("last", lastDate).query(Long.class).list();
    }

    private static SeriesView series(ResultSet rs, int row) throws SQLException {
        return new SeriesView(rs.getLong("id"), rs.getLong("activity_id"), rs.getString("rrule"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("start_time", LocalTime.class),
                rs.getInt("duration_minutes"), rs.getInt("capacity"), rs.getString("position"), rs.getInt("horizon_days"),
                rs.getObject("generated_until", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getBoolean("active"), rs.getObject("ended_at", OffsetDateTime.class), List.of());
    }
}
