package org.leifeng.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read models (the {@code report_*} tables): applying facts once, and the sums the figures are made of. */
@Repository
class ReportStore {

    private final JdbcClient jdbc;
    /** Fetches rows a thousand at a time: inside a transaction PostgreSQL then answers through a cursor. */
    private final JdbcTemplate streaming;

    ReportStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1_000);
    }

    /**
     * Throws the read models away and builds them again from the other modules' published read views (V17), set by
     * set inside PostgreSQL. Ledger appends and registrations wait meanwhile (SHARE lock through the views), so the
     * watermarks it records are exact: every entry and volunteer up to them is in the rebuilt figures, every later one
     * gets a higher id and comes as an event. Readers of the figures wait for it too (TRUNCATE). Rows go in by day,
     * so a period's rows lie together on disk, as later days' do when events add them.
     */
    void rebuildFromSources() {
        jdbc.sql("LOCK TABLE volunteer_registration, hours_counted_entry IN SHARE MODE").update();
        jdbc.sql("TRUNCATE report_service_day, report_volunteer_day, report_registration_day, report_applied, report_star, "
                + "report_people_served, report_watermark").update();
        jdbc.sql("""
                INSERT INTO report_registration_day (organisation_id, day, registrations)
                SELECT organisation_id, (registered_at AT TIME ZONE 'Asia/Shanghai')::date, count(*)
                FROM volunteer_registration GROUP BY 1, 2""").update();
        jdbc.sql("""
                INSERT INTO report_service_day (organisation_id, day, activity_id, category, team_id, hours, participations)
                SELECT e.organisation_id, e.service_date, coalesce(e.activity_id, 0), coalesce(f.category, 'OTHER'),
                       f.team_id, sum(e.delta), count(*) FILTER (WHERE e.new_record)
                FROM hours_counted_entry e LEFT JOIN activity_fact f ON f.activity_id = e.activity_id
                GROUP BY e.organisation_id, e.service_date, coalesce(e.activity_id, 0), f.category, f.team_id
                ORDER BY e.service_date, e.organisation_id""").update();
        jdbc.sql("""
                INSERT INTO report_volunteer_day (organisation_id, day, volunteer_id, hours)
                SELECT organisation_id, service_date, volunteer_id, sum(delta) FROM hours_counted_entry
                GROUP BY organisation_id, service_date, volunteer_id
                ORDER BY service_date, organisation_id, volunteer_id""").update();
        jdbc.sql("""
                INSERT INTO report_people_served (activity_id, organisation_id, day, people, recorded_at)
                SELECT activity_id, organisation_id, day, people, recorded_at FROM activity_people_served""").update();
        jdbc.sql("""
                INSERT INTO report_star (volunteer_id, organisation_id, level)
                SELECT s.volunteer_id, r.organisation_id, s.star_level
                FROM hours_star_level s JOIN volunteer_registration r USING (volunteer_id) WHERE s.star_level > 0""")
                .update();
        jdbc.sql("""
                INSERT INTO report_watermark (source, up_to)
                VALUES ('hours', (SELECT coalesce(max(id), 0) FROM hours_counted_entry)),
                       ('registration', (SELECT coalesce(max(volunteer_id), 0) FROM volunteer_registration))""")
                .update();
        pastChanged();
        jdbc.sql("ANALYZE report_service_day, report_volunteer_day, report_registration_day, report_star").update();
    }

    /**
     * Records that the fact {@code source} ({@code hours} or {@code registration}) number {@code id} is applied;
     * false when it was before: by an earlier delivery of its event, or by a rebuild that included it.
     */
    boolean firstTime(String source, long id) {
        return jdbc.sql("""
                INSERT INTO report_applied (source) SELECT :key
                WHERE :id > coalesce((SELECT up_to FROM report_watermark WHERE source = :source), 0)
                ON CONFLICT DO NOTHING""")
                .param("key", source + ":" + id).param("id", id).param("source", source).update() == 1;
    }

    /** A fact about a day before today arrived, or the figures were rebuilt: figures of past days are stale. */
    void pastChanged() {
        jdbc.sql("UPDATE report_version SET past_changes = past_changes + 1").update();
    }

    long registrationsTotal() {
        return jdbc.sql("SELECT count(*) FROM volunteer_registration").query(Long.class).single();
    }

    /**
     * Adds hours and participations to the activity's row of the day, under the activity's category and team as the
     * activity module has them now (as a rebuild would count them; service without an activity counts as OTHER).
     */
    void addService(long organisationId, LocalDate day, long activityId, BigDecimal hours, int participations) {
        jdbc.sql("""
                INSERT INTO report_service_day (organisation_id, day, activity_id, category, team_id, hours,
                    participations)
                SELECT :organisation, :day, :activity, coalesce(f.category, 'OTHER'), f.team_id, :hours, :participations
                FROM (SELECT :activity AS activity_id) a LEFT JOIN activity_fact f USING (activity_id)
                ON CONFLICT (organisation_id, day, activity_id) DO UPDATE
                    SET hours = report_service_day.hours + excluded.hours,
                        participations = report_service_day.participations + excluded.participations,
                        category = excluded.category, team_id = excluded.team_id""")
                .param("organisation", organisationId).param("day", day).param("activity", activityId)
                .param("hours", hours).param("participations", participations).update();
    }

    /**
     * Moves the activity's rows to {@code category} unless a later change of its category was applied before; the
     * number of rows moved.
     */
    int recategorise(long activityId, String category, Instant changedAt) {
        return jdbc.sql("""
                WITH latest AS (
                    INSERT INTO report_activity_category (activity_id, category, changed_at)
                    VALUES (:activity, :category, :at)
                    ON CONFLICT (activity_id) DO UPDATE SET category = excluded.category, changed_at = excluded.changed_at
                    WHERE report_activity_category.changed_at < excluded.changed_at
                    RETURNING activity_id)
                UPDATE report_service_day SET category = :category
                WHERE activity_id = :activity AND category <> :category AND EXISTS (SELECT 1 FROM latest)""")
                .param("activity", activityId).param("category", category)
                .param("at", changedAt.atOffset(ZoneOffset.UTC)).update();
    }

    void addVolunteerHours(long organisationId, LocalDate day, long volunteerId, BigDecimal hours) {
        jdbc.sql("""
                INSERT INTO report_volunteer_day (organisation_id, day, volunteer_id, hours)
                VALUES (:organisation, :day, :volunteer, :hours)
                ON CONFLICT (organisation_id, day, volunteer_id) DO UPDATE
                    SET hours = report_volunteer_day.hours + excluded.hours""")
                .param("organisation", organisationId).param("day", day).param("volunteer", volunteerId)
                .param("hours", hours).update();
    }

    void addRegistration(long organisationId, LocalDate day) {
        jdbc.sql("""
                INSERT INTO report_registration_day (organisation_id, day, registrations) VALUES (:organisation, :day, 1)
                ON CONFLICT (organisation_id, day) DO UPDATE
                    SET registrations = report_registration_day.registrations + 1""")
                .param("organisation", organisationId).param("day", day).update();
    }

    /** People served by an activity: the organiser's latest number replaces earlier ones, whatever order they come in. */
    void setPeopleServed(long activityId, long organisationId, LocalDate day, int people, Instant at) {
        jdbc.sql("""
                INSERT INTO report_people_served (activity_id, organisation_id, day, people, recorded_at)
                VALUES (:activity, :organisation, :day, :people, :at)
                ON CONFLICT (activity_id) DO UPDATE SET organisation_id = excluded.organisation_id, day = excluded.day,
                    people = excluded.people, recorded_at = excluded.recorded_at
                WHERE report_people_served.recorded_at <= excluded.recorded_at""")
                .param("activity", activityId).param("organisation", organisationId).param("day", day)
                .param("people", people).param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    long peopleServed(Collection<Long> organisations, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT coalesce(sum(people), 0) FROM report_people_served
                WHERE organisation_id = ANY(:organisations) AND day >= :from AND day < :to""")
                .param("organisations", ids(organisations)).param("from", from).param("to", to)
                .query(Long.class).single();
    }

    /**
     * A volunteer's star level now, counted with the organisation they belong to. The star counts' version moves only
     * when a counted level or its organisation changes: this runs for every credit, and bumping the one version row
     * each time would queue every credit behind it.
     */
    void setStar(long volunteerId, long organisationId, int level) {
        jdbc.sql("""
                WITH changed AS (
                    INSERT INTO report_star (volunteer_id, organisation_id, level) VALUES (:volunteer, :organisation, :level)
                    ON CONFLICT (volunteer_id) DO UPDATE SET organisation_id = excluded.organisation_id, level = excluded.level
                    WHERE (report_star.organisation_id, report_star.level)
                          IS DISTINCT FROM (excluded.organisation_id, excluded.level)
                    RETURNING xmax = 0 AS inserted)
                UPDATE report_version SET star_changes = star_changes + 1
                WHERE EXISTS (SELECT 1 FROM changed WHERE NOT inserted OR :level > 0)""")
                .param("volunteer", volunteerId).param("organisation", organisationId).param("level", level).update();
    }

    /** How often the star counts have changed (V23), and the past days' figures (V17): both keep cached figures right. */
    Versions versions() {
        return jdbc.sql("SELECT past_changes, star_changes FROM report_version")
                .query((rs, row) -> new Versions(rs.getLong(1), rs.getLong(2))).single();
    }

    record Versions(long past, long stars) {
    }

    /** Volunteers of the organisations per star level (1 and up), by level; kept and shared, so unmodifiable. */
    Map<Integer, Long> starLevels(Collection<Long> organisations) {
        SortedMap<Integer, Long> levels = new TreeMap<>();
        jdbc.sql("""
                SELECT level, count(*) FROM report_star WHERE organisation_id = ANY(:organisations) AND level > 0
                GROUP BY level""").param("organisations", ids(organisations))
                .query((rs, row) -> levels.put(rs.getInt(1), rs.getLong(2))).list();
        return Collections.unmodifiableSortedMap(levels);
    }

    /** The activities (id → hours, participations) with the most hours in the period, at most {@code limit}. */
    List<long[]> topActivities(Collection<Long> organisations, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                SELECT activity_id, sum(hours) * 10, sum(participations) FROM report_service_day
                WHERE organisation_id = ANY(:organisations) AND day >= :from AND day < :to AND activity_id <> 0
                GROUP BY activity_id HAVING sum(hours) > 0 ORDER BY sum(hours) DESC, activity_id LIMIT :limit""")
                .param("organisations", ids(organisations)).param("from", from).param("to", to).param("limit", limit)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
    }

    /** The teams (id → hours ×10, participations) whose activities had the most hours in the period. */
    List<long[]> topTeams(Collection<Long> organisations, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                SELECT team_id, sum(hours) * 10, sum(participations) FROM report_service_day
                WHERE organisation_id = ANY(:organisations) AND day >= :from AND day < :to AND team_id IS NOT NULL
                GROUP BY team_id HAVING sum(hours) > 0 ORDER BY sum(hours) DESC, team_id LIMIT :limit""")
                .param("organisations", ids(organisations)).param("from", from).param("to", to).param("limit", limit)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
    }

    /** Hours and participations of the organisations in [from, to). */
    Service service(Collection<Long> organisations, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT coalesce(sum(hours), 0) AS hours, coalesce(sum(participations), 0) AS participations
                FROM report_service_day
                WHERE organisation_id = ANY(:organisations) AND day >= :from AND day < :to""")
                .param("organisations", ids(organisations)).param("from", from).param("to", to)
                .query((rs, row) -> new Service(rs.getBigDecimal("hours"), rs.getLong("participations")))
                .single();
    }

    /** The rows of the organisations in [from, to), a day or a few (see {@link LiveRows}). */
    LiveRows live(Collection<Long> organisations, LocalDate from, LocalDate to) {
        Map<String, Object> range = Map.of("organisations", ids(organisations), "from", from, "to", to);
        // Volunteer-days, not distinct volunteers: the sets drop repeats for less than PostgreSQL's DISTINCT costs
        // (hashing a city's rows of the day would be most of the query); see Reports.totals.
        Map<Long, LongStream.Builder> volunteers = new HashMap<>();
        jdbc.sql("""
                SELECT organisation_id, volunteer_id FROM report_volunteer_day
                WHERE day >= :from AND day < :to AND organisation_id = ANY(:organisations) AND hours > 0""")
                .params(range).query((RowCallbackHandler) rs -> volunteers
                        .computeIfAbsent(rs.getLong(1), organisation -> LongStream.builder()).accept(rs.getLong(2)));
        List<LiveRows.Service> services = jdbc.sql("""
                SELECT organisation_id, activity_id, category, sum(hours), sum(participations) FROM report_service_day
                WHERE day >= :from AND day < :to AND organisation_id = ANY(:organisations)
                GROUP BY organisation_id, activity_id, category""")
                .params(range).query((rs, row) -> new LiveRows.Service(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getLong(5))).list();
        Map<Long, Long> registrations = new HashMap<>();
        jdbc.sql("""
                SELECT organisation_id, sum(registrations) FROM report_registration_day
                WHERE day >= :from AND day < :to AND organisation_id = ANY(:organisations) GROUP BY organisation_id""")
                .params(range).query((rs, row) -> registrations.put(rs.getLong(1), rs.getLong(2))).list();
        Map<Long, Long> people = new HashMap<>();
        jdbc.sql("""
                SELECT organisation_id, sum(people) FROM report_people_served
                WHERE day >= :from AND day < :to AND organisation_id = ANY(:organisations) GROUP BY organisation_id""")
                .params(range).query((rs, row) -> people.put(rs.getLong(1), rs.getLong(2))).list();
        Map<Long, long[]> volunteersByOrganisation = new HashMap<>();
        volunteers.forEach((organisation, ids) -> volunteersByOrganisation.put(organisation, ids.build().toArray()));
        return new LiveRows(volunteersByOrganisation, services, registrations, people);
    }

    /** The activities with participations of the organisations in [from, to). */
    List<Long> servedActivities(Collection<Long> organisations, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT DISTINCT activity_id FROM report_service_day
                WHERE day >= :from AND day < :to AND organisation_id = ANY(:organisations) AND activity_id <> 0
                  AND participations > 0""")
                .param("organisations", ids(organisations)).param("from", from).param("to", to)
                .query(Long.class).list();
    }

    /**
     * Every volunteer with hours in the organisations on a day in [from, to), once or more (the caller keeps a set),
     * through a cursor: a city's year is most of its volunteers. Call within a transaction.
     */
    void forEachActiveVolunteer(Collection<Long> organisations, LocalDate from, LocalDate to,
            LongConsumer consumer) {
        streaming.query("""
                SELECT volunteer_id FROM report_volunteer_day
                WHERE day >= ? AND day < ? AND organisation_id = ANY(?) AND hours > 0""",
                (ResultSet rs) -> consumer.accept(rs.getLong(1)), from, to, ids(organisations));
    }

    /** Registrations with the organisations before {@code to}, and those in [from, to). */
    long[] registrations(Collection<Long> organisations, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT coalesce(sum(registrations), 0), coalesce(sum(registrations) FILTER (WHERE day >= :from), 0)
                FROM report_registration_day WHERE organisation_id = ANY(:organisations) AND day < :to""")
                .param("organisations", ids(organisations)).param("from", from).param("to", to)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    Map<String, BigDecimal> hoursByCategory(Collection<Long> organisations, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> byCategory = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT category, sum(hours) FROM report_service_day
                WHERE organisation_id = ANY(:organisations) AND day >= :from AND day < :to
                GROUP BY category HAVING sum(hours) <> 0 ORDER BY sum(hours) DESC""")
                .param("organisations", ids(organisations)).param("from", from).param("to", to)
                .query((rs, row) -> byCategory.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return byCategory;
    }

    /** The ledger's counted hours per organisation and category (the activity's category now), over all time. */
    Map<OrganisationCategory, BigDecimal> ledgerHoursByOrganisationAndCategory() {
        return hoursByOrganisationAndCategory("""
                SELECT e.organisation_id, coalesce(f.category, 'OTHER'), sum(e.delta)
                FROM hours_counted_entry e LEFT JOIN activity_fact f ON f.activity_id = e.activity_id
                GROUP BY 1, 2""");
    }

    /** The figures' hours per organisation and category over all time, to reconcile with the ledger. */
    Map<OrganisationCategory, BigDecimal> figuresHoursByOrganisationAndCategory() {
        return hoursByOrganisationAndCategory(
                "SELECT organisation_id, category, sum(hours) FROM report_service_day GROUP BY 1, 2");
    }

    private Map<OrganisationCategory, BigDecimal> hoursByOrganisationAndCategory(String sql) {
        Map<OrganisationCategory, BigDecimal> totals = new HashMap<>();
        jdbc.sql(sql).query((RowCallbackHandler) rs -> totals.put(
                new OrganisationCategory(rs.getLong(1), rs.getString(2)), rs.getBigDecimal(3)));
        return totals;
    }

    record OrganisationCategory(long organisationId, String category) {
    }

    long registrationsApplied() {
        return jdbc.sql("SELECT coalesce(sum(registrations), 0) FROM report_registration_day").query(Long.class).single();
    }

    private static Long[] ids(Collection<Long> organisations) {
        return organisations.toArray(Long[]::new);
    }

    record Service(BigDecimal hours, long participations) {
    }

}
