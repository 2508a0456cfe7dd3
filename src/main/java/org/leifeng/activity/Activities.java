package org.leifeng.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.leifeng.identity.AccessControl;
import org.leifeng.identity.AuditTrail;
import org.leifeng.identity.Role;
import org.leifeng.organisation.Organisations;
import org.leifeng.organisation.Team;
import org.leifeng.organisation.Teams;
import org.leifeng.platform.Conflict;
import org.leifeng.platform.InvalidInput;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.leifeng.platform.RuleViolation;
import org.leifeng.volunteer.VolunteerProfile;
import org.leifeng.volunteer.Volunteers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities for their organisers: administrators or team leaders over the organising organisation create and
 * change them. Anyone may read a published activity; a draft is visible to its organisers only. An activity whose
 * shifts all lie in the past is back-filled (补录): once published it shows as held and takes no sign-ups.
 */
@Service
public class Activities {

    private final ActivityStore store;
    private final SignupStore signups;
    private final SignUps signUps;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Teams teams;
    private final Volunteers volunteers;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Activities(ActivityStore store, SignupStore signups, SignUps signUps, AccessControl access, AuditTrail audit,
            Teams teams, Volunteers volunteers, Organisations organisations, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.signups = signups;
        this.signUps = signUps;
        this.access = access;
        this.audit = audit;
        this.teams = teams;
        this.volunteers = volunteers;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ActivityView create(NewActivity request) {
        long creator = access.caller().accountId();
        access.require(Role.TEAM_LEADER, request.organisationId());
        if (request.teamId() != null) {
            Team team = teams.get(request.teamId());
            if (team.organisationId() != request.organisationId()) {
                throw new InvalidInput("teamId", "activity.validation.teamOfOrganisation");
            }
        }
        List<String> known = volunteers.skillCatalogue().stream().map(VolunteerProfile.Skill::code).toList();
        if (!known.containsAll(request.requiredSkills())) {
            throw new InvalidInput("requiredSkills", "volunteer.validation.skillUnknown");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long past = request.shifts().stream().filter(shift -> shift.endsAt().isBefore(now)).count();
        if (past > 0 && past < request.shifts().size()) {
            throw new RuleViolation("activity.mixedPastAndFuture",
                    "Record past shifts (补录) and plan future ones in separate activities.");
        }
        boolean backfilled = past > 0;
        long id = store.insert(request, backfilled, creator);
        request.shifts().forEach(shift -> store.insertShift(id, shift));
        audit.describe(ActivityAudit.ACTIVITY_CREATED, "activity", id, request.organisationId(), request.title());
        return store.find(id).orElseThrow();
    }

    /** A published, completed or cancelled activity for anyone; a draft for its organisers; otherwise 404. */
    @Transactional(readOnly = true)
    public ActivityView get(long id) {
        ActivityView activity = store.find(id).orElseThrow(() -> new NotFound("activity", id));
        if (!visible(activity)) {
            throw new NotFound("activity", id);
        }
        return activity;
    }

    /**
     * A shift with its activity in one query (the activity without its other shifts), visible as {@link #get} says:
     * empty if there is no such shift or only its organisers may see a draft.
     */
    @Transactional(readOnly = true)
    public Optional<ShiftOfActivity> shiftWithActivity(long shiftId) {
        return store.shiftWithActivity(shiftId)
                .filter(found -> visible(found.activity()));
    }

    /**
     * A shift with its activity and the volunteer's live sign-up of it, in one query, visible as {@link #get} says:
     * what a check-in checks.
     */
    @Transactional(readOnly = true)
    public Optional<ShiftAtTheDoor> shiftAtTheDoor(long shiftId, long volunteerId) {
        return store.shiftAtTheDoor(shiftId, volunteerId)
                .filter(found -> visible(found.activity()));
    }

    /** A shift by id with its counters, for anyone (its activity decides who may see more); empty if none. */
    @Transactional(readOnly = true)
    public Optional<ShiftView> shift(long shiftId) {
        return store.shift(shiftId);
    }

    /** For organisers: the activities, in any status, of the organisations they lead or administer, newest first. */
    @Transactional(readOnly = true)
    public PageResult<ActivityView> organisedBy(PageRequest page) {
        access.caller();
        List<Long> scope = organisations.idsWithin(access.scopePaths(Role.TEAM_LEADER));
        return scope.isEmpty() ? new PageResult<>(List.of(), page.page(), page.size(), 0)
                : store.ofOrganisations(scope, page);
    }

    /** Changes the description of an activity that is still a draft or published. */
    @Transactional
    public ActivityView update(long id, ActivityChange change) {
        ActivityView activity = organised(id);
        requireChangeable(activity);
        List<String> known = volunteers.skillCatalogue().stream().map(VolunteerProfile.Skill::code).toList();
        if (!known.containsAll(change.requiredSkills())) {
            throw new InvalidInput("requiredSkills", "volunteer.validation.skillUnknown");
        }
        store.update(id, change);
        if (change.category() != null && change.category() != activity.category()) {
            events.publishEvent(new ActivityCategoryChanged(id, activity.organisationId(), change.category(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS)));
        }
        audit.describe(ActivityAudit.ACTIVITY_CHANGED, "activity", id, activity.organisationId(), change.title());
        return store.find(id).orElseThrow();
    }

    @Transactional
    public ActivityView publish(long id) {
        ActivityView activity = organised(id);
        if (activity.shifts().isEmpty()) {
            throw new RuleViolation("activity.noShifts", "Add at least one shift before publishing.");
        }
        transition(activity, ActivityStatus.DRAFT, ActivityStatus.PUBLISHED);
        return store.find(id).orElseThrow();
    }

    @Transactional
    public ActivityView complete(long id) {
        transition(organised(id), ActivityStatus.PUBLISHED, ActivityStatus.COMPLETED);
        return store.find(id).orElseThrow();
    }

    /**
     * Records how many people a held activity served (beneficiaries, 服务对象), by its organisers, once it is published
     * or completed; a later recording replaces the earlier one.
     */
    @Transactional
    public ActivityView recordPeopleServed(long id, int peopleServed) {
        ActivityView activity = organised(id);
        if (activity.status() != ActivityStatus.PUBLISHED && activity.status() != ActivityStatus.COMPLETED) {
            throw SignupProblems.wrongStatus(activity.status());
        }
        if (activity.shifts().stream().noneMatch(shift -> shift.startsAt().isBefore(OffsetDateTime.now(clock)))) {
            throw new RuleViolation("activity.notHeldYet",
                    "People served are recorded once the activity has taken place.");
        }
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        store.recordPeopleServed(id, peopleServed, recordedAt);
        LocalDate day = activity.shifts().stream().map(ShiftView::startsAt)
                .filter(start -> start.isBefore(OffsetDateTime.now(clock))).max(OffsetDateTime::compareTo).orElseThrow()
                .atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        events.publishEvent(new PeopleServedRecorded(id, activity.organisationId(), day, peopleServed, recordedAt));
        audit.describe(ActivityAudit.PEOPLE_SERVED, "activity", id, activity.organisationId(),
                String.valueOf(peopleServed));
        return store.find(id).orElseThrow();
    }

    /** Cancels the activity and every open shift of it; their volunteers are told through {@link ShiftCancelled}. */
    @Transactional
    public ActivityView cancel(long id) {
        ActivityView activity = organised(id);
        ActivityStatus from = activity.status();
        if (from != ActivityStatus.DRAFT && from != ActivityStatus.PUBLISHED) {
            throw wrongStatus(activity);
        }
        activity.shifts().stream().filter(shift -> shift.status() == ShiftStatus.OPEN)
                .forEach(shift -> cancelOpenShift(activity, shift.id()));
        transition(activity, from, ActivityStatus.CANCELLED);
        return store.find(id).orElseThrow();
    }

    @Transactional
    public ShiftView addShift(long activityId, NewShift shift) {
        ActivityView activity = organised(activityId);
        requireChangeable(activity);
        boolean past = shift.endsAt().isBefore(OffsetDateTime.now(clock));
        if (past != activity.backfilled()) {
            throw new RuleViolation("activity.mixedPastAndFuture",
                    "Record past shifts (补录) and plan future ones in separate activities.");
        }
        long id = store.insertShift(activityId, shift);
        audit.describe(ActivityAudit.SHIFT_ADDED, "shift", id, activity.organisationId());
        return store.shift(id).orElseThrow();
    }

    /**
     * Changes a shift's times, places or position. Places never go below those already held (409); more places go
     * to the line at once. Moving the times moves the live sign-ups, unless that overlaps another shift of one of
     * its volunteers (409).
     */
    @Transactional
    public ShiftView editShift(long shiftId, NewShift change) {
        ActivityView activity = organisedByShift(shiftId);
        requireChangeable(activity);
        signups.lockShift(shiftId);
        if (!store.updateShift(shiftId, change.startsAt(), change.endsAt(), change.capacity(), change.position())) {
            throw new Conflict("activity.capacityBelowHeld",
                    "The shift is cancelled, or more places are already taken than the new capacity.");
        }
        try {
            store.moveLiveSignups(shiftId, change.startsAt(), change.endsAt());
        } catch (DataIntegrityViolationException overlap) {
            throw new SignupProblems.OverlappingSignUp();
        }
        signUps.promoteIntoFreePlaces(activity, shiftId);
        audit.describe(ActivityAudit.SHIFT_CHANGED, "shift", shiftId, activity.organisationId());
        return store.shift(shiftId).orElseThrow();
    }

    @Transactional
    public ShiftView cancelShift(long shiftId) {
        ActivityView activity = organisedByShift(shiftId);
        cancelOpenShift(activity, shiftId);
        return store.shift(shiftId).orElseThrow();
    }

    private void cancelOpenShift(ActivityView activity, long shiftId) {
        signups.lockShift(shiftId);
        List<Long> volunteersToTell = signups.cancelAllOf(shiftId);
        if (!store.cancelShift(shiftId)) {
            throw new RuleViolation("activity.shiftCancelled", "This shift is already cancelled.");
        }
        events.publishEvent(new ShiftCancelled(shiftId, activity.id(), volunteersToTell));
        audit.describe(ActivityAudit.SHIFT_CANCELLED, "shift", shiftId, activity.organisationId(),
                volunteersToTell.size() + " sign-ups");
    }

    private void transition(ActivityView activity, ActivityStatus from, ActivityStatus to) {
        ActivityAudit action = ActivityAudit.reaching(to);
        if (!store.transition(activity.id(), from, to)) {
            throw wrongStatus(activity);
        }
        audit.describe(action, "activity", activity.id(), activity.organisationId());
    }

    private static RuleViolation wrongStatus(ActivityView activity) {
        return SignupProblems.wrongStatus(activity.status());
    }

    private static void requireChangeable(ActivityView activity) {
        if (activity.status() == ActivityStatus.CANCELLED || activity.status() == ActivityStatus.COMPLETED) {
            throw wrongStatus(activity);
        }
    }

    private ActivityView organised(long id) {
        ActivityView activity = store.find(id).orElseThrow(() -> new NotFound("activity", id));
        access.require(Role.TEAM_LEADER, activity.organisationId());
        return activity;
    }

    private ActivityView organisedByShift(long shiftId) {
        return organised(store.activityOfShift(shiftId).orElseThrow(() -> new NotFound("shift", shiftId)));
    }

    /** A published, completed or cancelled activity to anyone; a draft to its organisers only. */
    private boolean visible(ActivityView activity) {
        return activity.status() != ActivityStatus.DRAFT || isOrganiser(activity);
    }

    private boolean isOrganiser(ActivityView activity) {
        return access.currentCaller().isPresent() && access.holds(Role.TEAM_LEADER, activity.organisationId());
    }
}
