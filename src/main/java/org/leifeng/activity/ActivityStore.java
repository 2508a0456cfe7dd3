package org.leifeng.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for activities and shifts. */
@Repository
class ActivityStore {

    /** The columns of a shift joined with its activity; the shift's are renamed so that they stay apart. */
    private static final String SHIFT_WITH_ACTIVITY = """
            SELECT a.*, s.id AS shift_id, s.activity_id AS shift_activity_id, s.starts_at AS shift_starts_at,
                   s.ends_at AS shift_ends_at, s.capacity AS shift_capacity, s.position AS shift_position,
                   s.status AS shift_status, s.confirmed AS shift_confirmed, s.pending AS shift_pending,
                   s.waitlisted AS shift_waitlisted""";

    private final JdbcClient jdbc;

    ActivityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewActivity activity, boolean backfilled, Long createdBy) {
        NewActivity.Place place = activity.place();
        return jdbc.sql("""
                INSERT INTO activity (organisation_id, team_id, title, category, description, address, latitude, longitude,
                    radius_meters, min_age, max_age, required_skills, insurance_required, team_only,
                    recruitment_opens_at, recruitment_closes_at, approval, waitlist, contact_name, contact_phone,
                    backfilled, created_by)
                VALUES (:organisation, :team, :title, :category, :description, :address, :lat, :lon, :radius, :minAge,
                    :maxAge, :skills, :insurance, :teamOnly, :opens, :closes, :approval, :waitlist, :contactName,
                    :contactPhone, :backfilled, :createdBy)
                RETURNING id""")
                .param("organisation", activity.organisationId()).param("team", activity.teamId())
                .param("title", activity.title().strip()).param("category", activity.category().name())
                .param("description", activity.description())
                .param("address", place == null ? null : place.address())
                .param("lat", place == null ? null : place.lat()).param("lon", place == null ? null : place.lon())
                .param("radius", place == null ? null : place.radiusMeters())
                .param("minAge", activity.minAge()).param("maxAge", activity.maxAge())
                .param("skills", activity.requiredSkills().toArray(String[]::new))
                .param("insurance", activity.insuranceRequired()).param("teamOnly", activity.teamOnly())
                .param("opens", activity.recruitmentOpensAt()).param("closes", activity.recruitmentClosesAt())
                .param("approval", activity.approval().name()).param("waitlist", activity.waitlist())
                .param("contactName", activity.contact() == null ? null : activity.contact().name())
                .param("contactPhone", activity.contact() == null ? null : activity.contact().phone())
                .param("backfilled", backfilled).param("createdBy", createdBy)
                .query(Long.class).single();
    }

    void update(long id, ActivityChange change) {
        NewActivity.Place place = change.place();
        jdbc.sql("""
                UPDATE activity SET title = :title, category = :category, description = :description,
                    address = :address, latitude = :lat, longitude = :lon, radius_meters = :radius,
                    min_age = :minAge, max_age = :maxAge, required_skills = :skills,
                    insurance_required = :insurance, recruitment_opens_at = :opens, recruitment_closes_at = :closes,
                    approval = :approval, waitlist = :waitlist, contact_name = :contactName, contact_phone = :contactPhone
                WHERE id = :id""")
                .param("id", id).param("title", change.title().strip()).param("category", change.category().name())
                .param("description", change.description())
                .param("address", place == null ? null : place.address())
                .param("lat", place == null ? null : place.lat()).param("lon", place == null ? null : place.lon())
                .param("radius", place == null ? null : place.radiusMeters())
                .param("minAge", change.minAge()).param("maxAge", change.maxAge())
                .param("skills", change.requiredSkills().toArray(String[]::new))
                .param("insurance", change.insuranceRequired())
                .param("opens", change.recruitmentOpensAt()).param("closes", change.recruitmentClosesAt())
                .param("approval", change.approval().name()).param("waitlist", change.waitlist())
                .param("contactName", change.contact() == null ? null : change.contact().name())
                .param("contactPhone", change.contact() == null ? null : change.contact().phone())
                .update();
    }

    long insertShift(long activityId, NewShift shift) {
        return jdbc.sql("""
                INSERT INTO shift (activity_id, starts_at, ends_at, capacity, position)
                VALUES (:activity, :starts, :ends, :capacity, :position) RETURNING id""")
                .param("activity", activityId).param("starts", shift.startsAt()).param("ends", shift.endsAt())
                .param("capacity", shift.capacity()).param("position", shift.position())
                .query(Long.class).single();
    }

    void recordPeopleServed(long id, int people, Instant at) {
        jdbc.sql("UPDATE activity SET people_served = :people, people_served_at = :at WHERE id = :id").param("id", id)
                .param("people", people).param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    Optional<ActivityView> find(long id) {
        List<ShiftView> shifts = shiftsOf(id);
        return jdbc.sql("SELECT * FROM activity WHERE id = :id").param("id", id)
                .query((rs, row) -> activity(rs, shifts)).optional();
    }

    Optional<Long> activityOfShift(long shiftId) {
        return jdbc.sql("SELECT activity_id FROM shift WHERE id = :id").param("id", shiftId).query(Long.class).optional();
    }

    Optional<ShiftView> shift(long shiftId) {
        return jdbc.sql("SELECT * FROM shift WHERE id = :id").param("id", shiftId).query(ActivityStore::shift).optional();
    }

    /** A shift with its activity (without the activity's other shifts), in one query: what a sign-up checks. */
    Optional<ShiftOfActivity> shiftWithActivity(long shiftId) {
        return jdbc.sql(SHIFT_WITH_ACTIVITY + " FROM shift s JOIN activity a ON a.id = s.activity_id WHERE s.id = :id")
                .param("id", shiftId)
                .query((rs, row) -> new ShiftOfActivity(shift(rs, "shift_"), activity(rs, List.of())))
                .optional();
    }

    /**
     * A shift with its activity and the volunteer's live sign-up of it, in one query: what a check-in checks. There is
     * at most one live sign-up per volunteer and shift (V6's partial unique index), so the join adds no row.
     */
    Optional<ShiftAtTheDoor> shiftAtTheDoor(long shiftId, long volunteerId) {
        return jdbc.sql(SHIFT_WITH_ACTIVITY + """
                , g.id AS signup_id, g.status AS signup_status, g.waitlist_position AS signup_waitlist_position,
                       g.created_at AS signup_created_at, g.decided_at AS signup_decided_at, g.reason AS signup_reason
                FROM shift s JOIN activity a ON a.id = s.activity_id
                LEFT JOIN signup g ON g.shift_id = s.id AND g.volunteer_id = :volunteer
                    AND g.status IN ('PENDING', 'CONFIRMED', 'WAITLISTED')
                WHERE s.id = :id""")
                .param("id", shiftId).param("volunteer", volunteerId)
                .query((rs, row) -> {
                    ShiftView shift = shift(rs, "shift_");
                    ActivityView activity = activity(rs, List.of());
                    return new ShiftAtTheDoor(shift, activity, liveSignup(rs, volunteerId, shift, activity));
                })
                .optional();
    }

    /** The sign-up columns of {@link #shiftAtTheDoor}; null when the join found none. */
    private static SignupView liveSignup(ResultSet rs, long volunteerId, ShiftView shift, ActivityView activity)
            throws SQLException {
        Long id = rs.getObject("signup_id", Long.class);
        return id == null ? null : new SignupView(id, shift.id(), activity.id(), volunteerId,
                SignupStatus.valueOf(rs.getString("signup_status")), rs.getObject("signup_waitlist_position", Long.class),
                rs.getObject("signup_created_at", OffsetDateTime.class),
                rs.getObject("signup_decided_at", OffsetDateTime.class), rs.getString("signup_reason"),
                shift.startsAt(), shift.endsAt(), activity.title(), null, null);
    }

    List<ShiftView> shiftsOf(long activityId) {
        return jdbc.sql("SELECT * FROM shift WHERE activity_id = :id ORDER BY starts_at, id").param("id", activityId)
                .query(ActivityStore::shift).list();
    }

    /** Moves the status along one allowed step; false when the activity is not in {@code from}. */
    boolean transition(long id, ActivityStatus from, ActivityStatus to) {
        String published = to == ActivityStatus.PUBLISHED ? ", published_at = now()" : "";
        return jdbc.sql("UPDATE activity SET status = :to" + published + " WHERE id = :id AND status = :from")
                .param("id", id).param("from", from.name()).param("to", to.name()).update() == 1;
    }

    /** Changes a shift's times and places; refused (false) when the places would fall below those held. */
    boolean updateShift(long shiftId, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity, String position) {
        return jdbc.sql("""
                UPDATE shift SET starts_at = :starts, ends_at = :ends, capacity = :capacity, position = :position
                WHERE id = :id AND status = 'OPEN' AND confirmed + pending <= :capacity""")
                .param("id", shiftId).param("starts", startsAt).param("ends", endsAt).param("capacity", capacity)
                .param("position", position).update() == 1;
    }

    void moveLiveSignups(long shiftId, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        jdbc.sql("""
                UPDATE signup SET during = tstzrange(:starts, :ends)
                WHERE shift_id = :id AND status IN ('PENDING', 'CONFIRMED', 'WAITLISTED')""")
                .param("id", shiftId).param("starts", startsAt).param("ends", endsAt).update();
    }

    boolean cancelShift(long shiftId) {
        return jdbc.sql("UPDATE shift SET status = 'CANCELLED', confirmed = 0, pending = 0, waitlisted = 0 WHERE id = :id AND status = 'OPEN'")
                .param("id", shiftId).update() == 1;
    }


    /** Activities of the given organisations in any status, newest first. */
    PageResult<ActivityView> ofOrganisations(List<Long> organisationIds, PageRequest page) {
        Long[] ids = organisationIds.toArray(Long[]::new);
        long total = jdbc.sql("SELECT count(*) FROM activity WHERE organisation_id = ANY(:ids)").param("ids", ids)
                .query(Long.class).single();
        Long[] pageIds = jdbc.sql("SELECT id FROM activity WHERE organisation_id = ANY(:ids) ORDER BY id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .param("ids", ids).param("limit", page.size()).param("offset", page.offset())
                .query(Long.class).list().toArray(Long[]::new);
        Map<Long, List<ShiftView>> shifts = new HashMap<>();
        jdbc.sql("SELECT * FROM shift WHERE activity_id = ANY(:ids) ORDER BY starts_at, id").param("ids", pageIds)
                .query(ActivityStore::shift).list()
                .forEach(shift -> shifts.computeIfAbsent(shift.activityId(), activity -> new ArrayList<>()).add(shift));
        List<ActivityView> items = jdbc.sql("SELECT * FROM activity WHERE id = ANY(:ids) ORDER BY id DESC")
                .param("ids", pageIds)
                .query((rs, row) -> activity(rs, shifts.getOrDefault(rs.getLong("id"), List.of()))).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** The one place an {@link ActivityView} is made: the activity's row and its shifts. */
    private ActivityView activity(ResultSet rs, List<ShiftView> shifts) throws SQLException {
        Double lat = rs.getObject("latitude", Double.class);
        String address = rs.getString("address");
        NewActivity.Place place = address == null && lat == null ? null : new NewActivity.Place(address, lat,
                rs.getObject("longitude", Double.class), rs.getObject("radius_meters", Integer.class));
        String contactName = rs.getString("contact_name");
        String contactPhone = rs.getString("contact_phone");
        return new ActivityView(rs.getLong("id"), rs.getString("title"), Category.valueOf(rs.getString("category")),
                rs.getLong("organisation_id"), rs.getObject("team_id", Long.class), rs.getString("description"), place,
                rs.getObject("min_age", Integer.class), rs.getObject("max_age", Integer.class),
                List.of((String[]) rs.getArray("required_skills").getArray()), rs.getBoolean("insurance_required"),
                rs.getBoolean("team_only"), rs.getObject("recruitment_opens_at", OffsetDateTime.class),
                rs.getObject("recruitment_closes_at", OffsetDateTime.class), Approval.valueOf(rs.getString("approval")),
                rs.getBoolean("waitlist"), contactName == null && contactPhone == null ? null
                        : new NewActivity.Contact(contactName, contactPhone),
                ActivityStatus.valueOf(rs.getString("status")), rs.getBoolean("backfilled"),
                rs.getObject("published_at", OffsetDateTime.class), shifts);
    }

    static ShiftView shift(ResultSet rs, int row) throws SQLException {
        return shift(rs, "");
    }

    /** A shift from columns named with {@code prefix} (a join with the activity renames them to stay apart). */
    private static ShiftView shift(ResultSet rs, String prefix) throws SQLException {
        return new ShiftView(rs.getLong(prefix + "id"), rs.getLong(prefix + "activity_id"),
                rs.getObject(prefix + "starts_at", OffsetDateTime.class),
                rs.getObject(prefix + "ends_at", OffsetDateTime.class), rs.getInt(prefix + "capacity"),
                rs.getString(prefix + "position"), ShiftStatus.valueOf(rs.getString(prefix + "status")), rs.getInt(prefix + "confirmed"),
                rs.getInt(prefix + "pending"), rs.getInt(prefix + "waitlisted"));
    }
}
