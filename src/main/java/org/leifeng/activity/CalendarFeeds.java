package org.leifeng.activity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.leifeng.identity.AccessControl;
import org.leifeng.platform.NotFound;
import org.leifeng.volunteer.Volunteers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * iCalendar feeds: an activity's open shifts for anyone who may see the activity, and each volunteer's confirmed
 * shifts at a secret URL that calendar apps poll without signing in.
 */
@Service
public class CalendarFeeds {

    /** How far back the private feed reaches: enough for recent history, small enough to poll often. */
    private static final int PAST_DAYS = 90;

    private final Activities activities;
    private final CalendarTokens tokens;
    private final AccessControl access;
    private final Volunteers volunteers;
    private final JdbcClient jdbc;
    private final Clock clock;

    CalendarFeeds(Activities activities, CalendarTokens tokens, AccessControl access, Volunteers volunteers,
            JdbcClient jdbc, Clock clock) {
        this.activities = activities;
        this.tokens = tokens;
        this.access = access;
        this.volunteers = volunteers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public String ofActivity(long activityId, String pageBase) {
        ActivityView activity = activities.get(activityId);
        List<CalendarEntry> entries = activity.shifts().stream().filter(shift -> shift.status() == ShiftStatus.OPEN)
                .map(shift -> CalendarEntry.of(activity, shift)).toList();
        return ICalendarWriter.write(activity.title(), entries, pageBase);
    }

    /** The feed behind a secret; 404 for any token that is not the volunteer's current one. */
    @Transactional(readOnly = true)
    public String ofToken(String token, String pageBase) {
        long volunteerId = tokens.volunteerOf(token).orElseThrow(() -> new NotFound("calendar", "feed"));
        return ICalendarWriter.write("雷锋志愿服务", confirmedShifts(volunteerId), pageBase);
    }

    /** A new secret for the signed-in volunteer, replacing the old one; shown only in this answer. */
    @Transactional
    public String rotateToken() {
        long volunteerId = volunteers.idOfAccount(access.caller().account())
                .orElseThrow(SignupProblems::notAVolunteer);
        return tokens.issue(volunteerId);
    }

    private List<CalendarEntry> confirmedShifts(long volunteerId) {
        return jdbc.sql("""
                SELECT s.id, a.id AS activity_id, a.title, s.position, s.starts_at, s.ends_at, a.address, a.latitude,
                    a.longitude, a.description
                FROM signup su JOIN shift s ON s.id = su.shift_id JOIN activity a ON a.id = s.activity_id
                WHERE su.volunteer_id = :volunteer AND su.status = 'CONFIRMED' AND s.status = 'OPEN'
                  AND s.ends_at > :since
                ORDER BY s.starts_at, s.id LIMIT 1000""")
                .param("volunteer", volunteerId).param("since", OffsetDateTime.now(clock).minusDays(PAST_DAYS))
                .query((rs, row) -> new CalendarEntry(rs.getLong("id"), rs.getLong("activity_id"),
                        rs.getString("title"), rs.getString("position"), rs.getObject("starts_at", OffsetDateTime.class),
                        rs.getObject("ends_at", OffsetDateTime.class), rs.getString("address"),
                        rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class),
                        rs.getString("description")))
                .list();
    }
}
