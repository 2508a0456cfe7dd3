package org.leifeng.attendance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.leifeng.activity.Activities;
import org.leifeng.activity.ActivityView;
import org.leifeng.activity.ShiftAtTheDoor;
import org.leifeng.activity.ShiftOfActivity;
import org.leifeng.activity.ShiftStatus;
import org.leifeng.activity.ShiftView;
import org.leifeng.activity.SignUps;
import org.leifeng.activity.SignupStatus;
import org.leifeng.activity.SignupView;
import org.leifeng.identity.AccessControl;
import org.leifeng.identity.AuditTrail;
import org.leifeng.identity.Role;
import org.leifeng.platform.Conflict;
import org.leifeng.platform.Forbidden;
import org.leifeng.platform.InvalidInput;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.Problem;
import org.leifeng.platform.PublicUrl;
import org.leifeng.platform.RuleViolation;
import org.leifeng.platform.ServiceTime;
import org.leifeng.volunteer.VolunteerLabel;
import org.leifeng.volunteer.Volunteers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance at a shift: volunteers check in and out by scanning the organiser's rotating code (or at the
 * organiser's kiosk by volunteer number); only CONFIRMED sign-ups, or walk-ins where the organiser allows them;
 * within the shift's window widened by the grace; inside the activity's geofence when it has one. Repeating a scan
 * answers the same and changes nothing. A check-out publishes {@link CheckedOut}, which the ledger credits; open
 * check-ins are closed by the organiser after the shift — never credited silently.
 */
@Service
public class Attendance {

    private final AttendanceCodes codes;
    private final AttendanceStore store;
    private final Activities activities;
    private final SignUps signUps;
    private final Volunteers volunteers;
    private final AccessControl access;
    private final AuditTrail audit;
    private final ServiceTime serviceTime;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PublicUrl publicUrl;

    Attendance(AttendanceCodes codes, AttendanceStore store, Activities activities, SignUps signUps,
            Volunteers volunteers, AccessControl access, AuditTrail audit, ServiceTime serviceTime,
            ApplicationEventPublisher events, Clock clock, PublicUrl publicUrl) {
        this.codes = codes;
        this.store = store;
        this.activities = activities;
        this.signUps = signUps;
        this.volunteers = volunteers;
        this.access = access;
        this.audit = audit;
        this.serviceTime = serviceTime;
        this.events = events;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** The code to show now, and the URL a phone's camera opens; for the shift's organisers. */
    @Transactional(readOnly = true)
    public AttendanceCode code(long shiftId) {
        Context shift = organising(shiftId);
        AttendanceCodes.Code code = codes.issue(shift.shift().id());
        return new AttendanceCode(code.code(), publicUrl.base() + "/attend/" + code.code(), code.expiresAt());
    }

    /** What a code is for, before the volunteer taps: the shift and whether they are in already. */
    @Transactional(readOnly = true)
    public Scan scan(String code) {
        Context shift = context(codes.verify(code));
        Optional<AttendanceView> mine = callerVolunteer().flatMap(id -> store.find(shift.shift().id(), id));
        return new Scan(shift.activity().title(), shift.shift(), geofenced(shift.activity()), mine.orElse(null));
    }

    /** The volunteer's scan at the door; the shift and their sign-up of it are read in one query. */
    @Transactional
    public AttendanceView checkIn(String code, Position position) {
        long shiftId = codes.verify(code);
        long volunteerId = callerVolunteer().orElseThrow(Attendance::notAVolunteer);
        ShiftAtTheDoor door = activities.shiftAtTheDoor(shiftId, volunteerId)
                .orElseThrow(() -> new NotFound("shift", shiftId));
        return admit(new Context(door.shift(), door.activity()), volunteerId, door.liveSignup(), position,
                AttendanceMethod.QR, null);
    }

    @Transactional
    public AttendanceView checkOut(String code, Position position) {
        Context shift = context(codes.verify(code));
        long volunteerId = callerVolunteer().orElseThrow(Attendance::notAVolunteer);
        AttendanceView attendance = store.find(shift.shift().id(), volunteerId).orElseThrow(Attendance::notCheckedIn);
        return release(shift, attendance, position, AttendanceMethod.QR, null, clock.instant());
    }

    /**
     * The organiser's kiosk: check a volunteer in or out by the number on their card or personal QR. Numbers are
     * issued in order, so a typed one must not reach people outside the organiser's view: the kiosk takes those who
     * signed up for the shift or are in it, and otherwise only volunteers the organiser may see (their subtree, their
     * teams). Anyone else is answered as an unknown number with nothing written; a volunteer from elsewhere who
     * walks in checks in by scanning the shift's code with their own phone.
     */
    @Transactional
    public AttendanceView kiosk(long shiftId, String volunteerNumber, KioskAction action) {
        Context shift = organising(shiftId);
        long volunteerId = volunteers.idOfNumber(volunteerNumber).orElseThrow(Attendance::unknownNumber);
        long operator = access.caller().accountId();
        if (action == KioskAction.CHECK_IN) {
            Optional<SignupView> live = signUps.liveSignupOf(shiftId, volunteerId);
            if (live.isEmpty() && store.find(shiftId, volunteerId).isEmpty() && !inOrganisersView(volunteerId)) {
                throw unknownNumber();
            }
            return admit(shift, volunteerId, live, Position.NONE, AttendanceMethod.KIOSK, operator);
        }
        AttendanceView attendance = store.find(shiftId, volunteerId)
                .orElseThrow(() -> inOrganisersView(volunteerId) ? notCheckedIn() : unknownNumber());
        return release(shift, attendance, Position.NONE, AttendanceMethod.KIOSK, operator, clock.instant());
    }

    private boolean inOrganisersView(long volunteerId) {
        return volunteers.factsInCallersView(volunteerId).isPresent();
    }

    private static InvalidInput unknownNumber() {
        return new InvalidInput("volunteerNumber", "attendance.unknownVolunteerNumber");
    }

    /** Everyone who checked in, for the organiser: who is still in, who left and with how many hours. */
    @Transactional(readOnly = true)
    public List<AttendanceView> ofShift(long shiftId) {
        organising(shiftId);
        List<AttendanceView> list = store.ofShift(shiftId);
        Map<Long, VolunteerLabel> labels = volunteers.labelsOf(list.stream().map(AttendanceView::volunteerId).toList());
        return list.stream().map(attendance -> labelled(attendance, labels.get(attendance.volunteerId()))).toList();
    }

    /**
     * Closes a check-in that has no check-out, once the shift and its grace are over: credited until the time the
     * organiser states ({@code creditUntil}, within the widened window), or not at all ({@code null}).
     */
    @Transactional
    public AttendanceView close(long attendanceId, Instant creditUntil) {
        AttendanceView attendance = store.find(attendanceId).orElseThrow(() -> new NotFound("attendance", attendanceId));
        Context shift = organising(attendance.shiftId());
        Instant windowEnd = shift.shift().endsAt().toInstant().plus(serviceTime.grace());
        if (clock.instant().isBefore(windowEnd)) {
            throw new RuleViolation("attendance.shiftNotOver", "A shift can be closed once it and its grace time are over.");
        }
        if (attendance.status() != AttendanceStatus.CHECKED_IN) {
            throw new Conflict("attendance.alreadyClosed", "This attendance is already complete.");
        }
        long operator = access.caller().accountId();
        if (creditUntil == null) {
            store.closeWithoutCredit(attendanceId, operator);
            audit.describe(AttendanceAudit.CLOSED_WITHOUT_CREDIT, "attendance", attendanceId,
                    shift.activity().organisationId());
            return store.find(attendanceId).orElseThrow();
        }
        if (creditUntil.isBefore(attendance.checkedInAt()) || creditUntil.isAfter(windowEnd)) {
            throw new InvalidInput("creditUntil", "attendance.creditUntilOutsideWindow");
        }
        return release(shift, attendance, Position.NONE, AttendanceMethod.CLOSING, operator, creditUntil);
    }

    /** Whether volunteers without a sign-up may be admitted at the door (a place is then claimed for them). */
    @Transactional
    public boolean allowWalkIns(long shiftId, boolean allowed) {
        organising(shiftId);
        store.allowWalkIns(shiftId, allowed, access.caller().accountId(), clock.instant());
        return allowed;
    }

    @Transactional(readOnly = true)
    public boolean walkInsAllowed(long shiftId) {
        organising(shiftId);
        return store.walkInsAllowed(shiftId);
    }

    /**
     * Checks the volunteer in, or answers their check-in when they have one. The rules are checked first and the
     * check-in looked up only when one refuses, so a first scan (nearly all of them) costs no look-up: a repeated
     * scan answers the check-in it made even after the window has closed, and a twin's is taken by the insert.
     * {@code live} is the volunteer's live sign-up of the shift, read before.
     */
    private AttendanceView admit(Context shift, long volunteerId, Optional<SignupView> live, Position position,
            AttendanceMethod method, Long operator) {
        Instant now = clock.instant();
        SignupView signup;
        try {
            requireWithinWindow(shift, now);
            if (method == AttendanceMethod.QR) {
                requireInsideGeofence(shift.activity(), position);
            }
            signup = confirmedSignup(shift, volunteerId, live);
        } catch (Problem refused) {
            return store.find(shift.shift().id(), volunteerId).orElseThrow(() -> refused);
        }
        return store.checkIn(shift.shift().id(), volunteerId, signup.id(), shift.activity().id(),
                shift.activity().organisationId(), now, method, operator);
    }

    private SignupView confirmedSignup(Context shift, long volunteerId, Optional<SignupView> live) {
        if (live.isPresent()) {
            if (live.get().status() != SignupStatus.CONFIRMED) {
                throw new RuleViolation("attendance.notConfirmed", "Your sign-up for this shift is not confirmed.");
            }
            return live.get();
        }
        if (!store.walkInsAllowed(shift.shift().id())) {
            throw notSignedUp();
        }
        if (store.find(shift.shift().id(), volunteerId).isPresent()) {
            // In already, and an organiser has ended the sign-up since: a walk-in would take a second place. The
            // refusal makes admit answer the check-in that stands.
            throw notSignedUp();
        }
        try {
            return signUps.walkIn(shift.shift().id(), volunteerId);
        } catch (Problem alreadySignedUp) {
            // A twin request admitted the walk-in a moment ago: use its sign-up.
            return signUps.liveSignupOf(shift.shift().id(), volunteerId)
                    .filter(signup -> signup.status() == SignupStatus.CONFIRMED).orElseThrow(() -> alreadySignedUp);
        }
    }

    private static RuleViolation notSignedUp() {
        return new RuleViolation("attendance.notSignedUp", "You have not signed up for this shift.");
    }

    private AttendanceView release(Context shift, AttendanceView attendance, Position position,
            AttendanceMethod method, Long operator, Instant at) {
        if (attendance.status() == AttendanceStatus.CHECKED_OUT) {
            return attendance;
        }
        if (attendance.status() == AttendanceStatus.CLOSED) {
            throw new Conflict("attendance.alreadyClosed", "This attendance is already complete.");
        }
        Instant start = shift.shift().startsAt().toInstant();
        Instant end = shift.shift().endsAt().toInstant();
        if (method != AttendanceMethod.CLOSING && at.isAfter(end.plus(serviceTime.grace()))) {
            throw new RuleViolation("attendance.windowClosed",
                    "The shift is over: the organiser closes attendances without a check-out.");
        }
        if (method == AttendanceMethod.QR) {
            requireInsideGeofence(shift.activity(), position);
        }
        BigDecimal credited = serviceTime.credit(attendance.checkedInAt(), at, start, end);
        ServiceTime.Interval served = serviceTime.clip(attendance.checkedInAt(), at, start, end);
        if (!store.checkOut(attendance.id(), at, method, operator, credited)) {
            return store.find(attendance.id()).orElseThrow();
        }
        events.publishEvent(new CheckedOut(attendance.id(), attendance.volunteerId(), shift.activity().id(),
                shift.shift().id(), shift.activity().organisationId(), attendance.checkedInAt(), at, served.start(),
                served.end(), credited, operator));
        return store.find(attendance.id()).orElseThrow();
    }

    private void requireWithinWindow(Context shift, Instant now) {
        Instant opens = shift.shift().startsAt().toInstant().minus(serviceTime.grace());
        Instant closes = shift.shift().endsAt().toInstant().plus(serviceTime.grace());
        if (now.isBefore(opens) || now.isAfter(closes) || shift.shift().status() != ShiftStatus.OPEN) {
            throw new RuleViolation("attendance.outsideWindow",
                    "Check-in opens {0} minutes before the shift and closes {0} minutes after it.",
                    serviceTime.grace().toMinutes());
        }
    }

    private static void requireInsideGeofence(ActivityView activity, Position position) {
        if (!geofenced(activity)) {
            return;
        }
        if (position == null || !position.known()) {
            throw new RuleViolation("attendance.positionNeeded",
                    "This activity checks where you are: allow the page to use your location and try again.");
        }
        double distance = position.metersTo(activity.place().lat(), activity.place().lon());
        double allowed = activity.place().radiusMeters() + (position.accuracy() == null ? 0 : position.accuracy());
        if (distance > allowed) {
            throw new RuleViolation("attendance.outsideGeofence",
                    "You are {0} m from the activity's place; check in within {1} m of it.", Math.round(distance),
                    activity.place().radiusMeters());
        }
    }

    private static boolean geofenced(ActivityView activity) {
        return activity.place() != null && activity.place().lat() != null && activity.place().lon() != null
                && activity.place().radiusMeters() != null && activity.place().radiusMeters() > 0;
    }

    private Context context(long shiftId) {
        ShiftOfActivity found = activities.shiftWithActivity(shiftId).orElseThrow(() -> new NotFound("shift", shiftId));
        return new Context(found.shift(), found.activity());
    }

    private Context organising(long shiftId) {
        Context shift = context(shiftId);
        access.require(Role.TEAM_LEADER, shift.activity().organisationId());
        return shift;
    }

    private Optional<Long> callerVolunteer() {
        return access.currentCaller().flatMap(caller -> volunteers.idOfAccount(caller.account()));
    }

    private static AttendanceView labelled(AttendanceView attendance, VolunteerLabel label) {
        return label == null ? attendance : new AttendanceView(attendance.id(), attendance.shiftId(),
                attendance.activityId(), attendance.volunteerId(), label.volunteerNumber(), label.name(),
                attendance.status(), attendance.checkedInAt(), attendance.checkInMethod(), attendance.checkedOutAt(),
                attendance.checkOutMethod(), attendance.creditedHours());
    }

    private static Forbidden notAVolunteer() {
        return new Forbidden("attendance.notAVolunteer", "Only registered volunteers check in.");
    }

    private static RuleViolation notCheckedIn() {
        return new RuleViolation("attendance.notCheckedIn", "You have not checked in to this shift.");
    }

    private record Context(ShiftView shift, ActivityView activity) {
    }

    /** A shift as the volunteer's phone shows it after scanning, with their attendance if any. */
    public record Scan(String activityTitle, ShiftView shift, boolean geofenced, AttendanceView mine) {
    }

    public enum KioskAction {
        CHECK_IN, CHECK_OUT
    }
}
