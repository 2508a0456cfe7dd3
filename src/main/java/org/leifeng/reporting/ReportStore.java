package org.leifeng.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read models (V13): applying facts once, and the sums the figures are made of. */
@Repository
class ReportStore {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    ReportStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Marks many source facts applied at once ({@code prefix} + id), for a rebuild. */
    void markApplied(String prefix, List<Long> ids) {
        jdbc.sql("INSERT INTO report_applied (source) SELECT :prefix || id FROM unnest(:ids::bigint[]) AS id "
                + "ON CONFLICT DO NOTHING").param("prefix", prefix).param("ids", ids.toArray(Long[]::new)).update();
    }

    /** Rows of report_service_day in one batch: organisation, day, activity, category, team, hours, participations. */
    void addServices(List<Object[]> rows) {
        batch.batchUpdate("""
                INSERT INTO report_service_day (organisation_id, day, activity_id, category, team_id, hours, participations)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (organisation_id, day, activity_id) DO UPDATE
                    SET hours = report_service_day.hours + excluded.hours,
                        participations = report_service_day.participations + excluded.participations""", rows);
    }

    /** Rows of report_volunteer_day in one batch: organisation, day, volunteer, hours. */
    void addVolunteerDays(List<Object[]> rows) {
        batch.batchUpdate("""
                INSERT INTO report_volunteer_day (organisation_id, day, volunteer_id, hours) VALUES (?, ?, ?, ?)
                ON CONFLICT (organisation_id, day, volunteer_id) DO UPDATE
                    SET hours = report_volunteer_day.hours + excluded.hours""", rows);
    }

    /** Rows of report_registration_day in one batch: organisation, day, registrations. */
    void addRegistrations(List<Object[]> rows) {
        batch.batchUpdate("""
                INSERT INTO report_registration_day (organisation_id, day, registrations) VALUES (?, ?, ?)
                ON CONFLICT (organisation_id, day) DO UPDATE
                    SET registrations = report_registration_day.registrations + excluded.registrations""", rows);
    }

    /** Records that a source fact is applied; false when it was applied before (a redelivered event). */
    boolean firstTime(String source) {
        return jdbc.sql("INSERT INTO report_applied (source) VALUES (:source) ON CONFLICT DO NOTHING")
                .param("source", source).update() == 1;
    }

    void addService(long organisationId, LocalDate day, long activityId, String category, Long teamId,
            BigDecimal hours, int participations) {
        jdbc.sql("""
                INSERT INTO report_service_day (organisation_id, day, activity_id, category, team_id, hours,
                    participations)
                VALUES (:organisation, :day, :activity, :category, :team, :hours, :participations)
                ON CONFLICT (organisation_id, day, activity_id) DO UPDATE
                    SET hours = report_service_day.hours + excluded.hours,
                        participations = report_service_day.participations + excluded.participations""")
                .param("organisation", organisationId).param("day", day).param("activity", activityId)
                .param("category", category).param("team", teamId).param("hours", hours)
                .param("participations", participations).update();
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
    void setPeopleServed(long activityId, long organisationId, LocalDate day, int people, java.time.Instant at) {
        jdbc.sql("""
                INSERT INTO report_people_served (activity_id, organisation_id, day, people, recorded_at)
                VALUES (:activity, :organisation, :day, :people, :at)
                ON CONFLICT (activity_id) DO UPDATE SET organisation_id = excluded.organisation_id, day = excluded.day,
                    people = excluded.people, recorded_at = excluded.recorded_at
                WHERE report_people_served.recorded_at <= excluded.recorded_at""")
                .param("activity", activityId).param("organisation", organisationId).param("day", day)
                .param("people", people).param("at", at.atOffset(java.time.ZoneOffset.UTC)).update();
    }

    long peopleServed(Collection<Long> organisations, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT coalesce(sum(people), 0) FROM report_people_served
                WHERE organisation_id = ANY(:organisations) AND day >= :from AND day < :to""")
                .param("organisations", ids(organisations)).param("from", from).param("to", to)
                .query(Long.class).single();
    }

    void clear() {
        jdbc.sql("TRUNCATE report_service_day, report_volunteer_day, report_registration_day, report_applied, report_star, "
                + "report_people_served")
                .update();
    }

    /** A volunteer's star level now, counted with the organisation they belong to. */
    void setStar(long volunteerId, long organisationId, int level) {
        jdbc.sql("""
                INSERT INTO report_star (volunteer_id, organisation_id, level) VALUES (:volunteer, :organisation, :level)
                ON CONFLICT (volunteer_id) DO UPDATE SET organisation_id = excluded.organisation_id, level = excluded.level""")
                .param("volunteer", volunteerId).param("organisation", organisationId).param("level", level).update();
    }

    /** Volunteers of the organisations per star level (1 and up). */
    Map<Integer, Long> starLevels(Collection<Long> organisations) {
        Map<Integer, Long> levels = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT level, count(*) FROM report_star WHERE organisation_id = ANY(:organisations) AND level > 0
                GROUP BY level""").param("organisations", ids(organisations))
                .query((rs, row) -> levels.put(rs.getInt(1), rs.getLong(2))).list();
        return levels;
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

    /** Hours, participations and activities with service of the organisations in [from, to). */
    Service service(Collection<Long> organisations, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT coalesce(sum(hours), 0) AS hours, coalesce(sum(participations), 0) AS participations,
                       count(DISTINCT activity_id) FILTER (WHERE activity_id <> 0 AND participations > 0) AS activities
                FROM report_service_day
                WHERE organisation_id = ANY(:organisations) AND day >= :from AND day < :to""")
                .param("organisations", ids(organisations)).param("from", from).param("to", to)
                .query((rs, row) -> new Service(rs.getBigDecimal("hours"), rs.getLong("participations"),
                        rs.getLong("activities")))
                .single();
    }

    long activeVolunteers(Collection<Long> organisations, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT count(*) FROM (SELECT volunteer_id FROM report_volunteer_day
                    WHERE organisation_id = ANY(:organisations) AND day >= :from AND day < :to
                    GROUP BY volunteer_id HAVING sum(hours) > 0) active""")
                .param("organisations", ids(organisations)).param("from", from).param("to", to)
                .query(Long.class).single();
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
        Map<String, BigDecimal> byCategory = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                SELECT category, sum(hours) FROM report_service_day
                WHERE organisation_id = ANY(:organisations) AND day >= :from AND day < :to
                GROUP BY category HAVING sum(hours) <> 0 ORDER BY sum(hours) DESC""")
                .param("organisations", ids(organisations)).param("from", from).param("to", to)
                .query((rs, row) -> byCategory.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return byCategory;
    }

    /** Per month from {@code from} to {@code to}: hours and distinct active volunteers. */
    List<Month> months(Collection<Long> organisations, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT m.month, coalesce(s.hours, 0) AS hours, coalesce(v.active, 0) AS active
                FROM generate_series(:from::date, :to::date - 1, interval '1 month') AS m (month)
                LEFT JOIN (SELECT date_trunc('month', day) AS month, sum(hours) AS hours FROM report_service_day
                           WHERE organisation_id = ANY(:organisations) AND day >= :from AND day < :to GROUP BY 1) s
                    ON s.month = m.month
                LEFT JOIN (SELECT month, count(*) AS active FROM (
                               SELECT date_trunc('month', day) AS month, volunteer_id FROM report_volunteer_day
                               WHERE organisation_id = ANY(:organisations) AND day >= :from AND day < :to
                               GROUP BY 1, 2 HAVING sum(hours) > 0) per GROUP BY month) v
                    ON v.month = m.month
                ORDER BY m.month""")
                .param("organisations", ids(organisations)).param("from", from).param("to", to)
                .query((rs, row) -> new Month(rs.getObject("month", java.time.OffsetDateTime.class).toLocalDate(),
                        rs.getBigDecimal("hours"), rs.getLong("active")))
                .list();
    }

    /** For each child (its id → the ids of its subtree): hours, active volunteers and registrations in the period. */
    Map<Long, long[]> perChild(Map<Long, List<Long>> subtrees, LocalDate from, LocalDate to, Map<Long, BigDecimal> hours) {
        List<Long> children = new java.util.ArrayList<>();
        List<Long> members = new java.util.ArrayList<>();
        subtrees.forEach((child, ids) -> ids.forEach(id -> {
            children.add(child);
            members.add(id);
        }));
        Map<String, Object> params = Map.of("children", children.toArray(Long[]::new), "members",
                members.toArray(Long[]::new), "from", from, "to", to);
        Map<Long, long[]> figures = new HashMap<>();
        subtrees.keySet().forEach(child -> figures.put(child, new long[2]));
        String map = "WITH map (child, organisation_id) AS (SELECT * FROM unnest(:children::bigint[], :members::bigint[]))";
        jdbc.sql(map + """
                SELECT m.child, coalesce(sum(s.hours), 0) FROM map m
                JOIN report_service_day s ON s.organisation_id = m.organisation_id AND s.day >= :from AND s.day < :to
                GROUP BY m.child""").params(params)
                .query((rs, row) -> hours.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        jdbc.sql(map + """
                SELECT child, count(*) FROM (SELECT m.child, v.volunteer_id FROM map m
                    JOIN report_volunteer_day v ON v.organisation_id = m.organisation_id AND v.day >= :from AND v.day < :to
                    GROUP BY m.child, v.volunteer_id HAVING sum(v.hours) > 0) active GROUP BY child""").params(params)
                .query((rs, row) -> figures.get(rs.getLong(1))[0] = rs.getLong(2)).list();
        jdbc.sql(map + """
                SELECT m.child, sum(r.registrations) FROM map m
                JOIN report_registration_day r ON r.organisation_id = m.organisation_id AND r.day < :to
                GROUP BY m.child""").params(params)
                .query((rs, row) -> figures.get(rs.getLong(1))[1] = rs.getLong(2)).list();
        return figures;
    }

    /** Hours per organisation over all time, to reconcile with the ledger. */
    Map<Long, BigDecimal> hoursByOrganisation() {
        Map<Long, BigDecimal> totals = new HashMap<>();
        jdbc.sql("SELECT organisation_id, sum(hours) FROM report_service_day GROUP BY organisation_id")
                .query((rs, row) -> totals.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return totals;
    }

    long registrationsApplied() {
        return jdbc.sql("SELECT coalesce(sum(registrations), 0) FROM report_registration_day").query(Long.class).single();
    }

    private static Long[] ids(Collection<Long> organisations) {
        return organisations.toArray(Long[]::new);
    }

    record Service(BigDecimal hours, long participations, long activities) {
    }

    record Month(LocalDate month, BigDecimal hours, long activeVolunteers) {
    }
}
