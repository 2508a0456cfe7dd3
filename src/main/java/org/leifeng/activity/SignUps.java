package org.leifeng.activity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.leifeng.identity.AccessControl;
import org.leifeng.identity.AuditTrail;
import org.leifeng.identity.Caller;
import org.leifeng.identity.Role;
import org.leifeng.organisation.Teams;
import org.leifeng.platform.InvalidInput;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.leifeng.platform.Problem;
import org.leifeng.volunteer.VolunteerFacts;
import org.leifeng.volunteer.Volunteers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing up for shifts. A sign-up claims a place with a conditional UPDATE of the shift's counters and inserts its
 * row in the same transaction, which it shares with the sign-ups for the shift that arrived at the same time
 * ({@link SignupBatcher}); when the shift is full it joins the line (if the activity keeps one). The database's
 * constraints refuse a second live sign-up for the shift and overlapping ones; those refusals become 409s.
 * Every freed place goes to the first in line in the transaction that frees it.
 */
@Service
@EnableConfigurationProperties(SignupSettings.class)
public class SignUps {

    /** The longest reason for turning a sign-up down (the column's size). */
    public static final int REASON_LENGTH = 300;

    private final SignupStore store;
    private final SignupBatcher batcher;
    private final ActivityStore activities;
    private final Volunteers volunteers;
    private final Teams teams;
    private final AccessControl access;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final SignupSettings settings;
    private final Clock clock;

    SignUps(SignupStore store, SignupBatcher batcher, ActivityStore activities, Volunteers volunteers, Teams teams,
            AccessControl access, AuditTrail audit, ApplicationEventPublisher events, SignupSettings settings,
            Clock clock) {
        this.store = store;
        this.batcher = batcher;
        this.activities = activities;
        this.volunteers = volunteers;
        this.teams = teams;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Signs up the caller (a volunteer), or, for an organiser, the volunteer named. Answers the new sign-up:
     * CONFIRMED, PENDING (manual approval) or WAITLISTED.
     */
    public SignupView signUp(long shiftId, Long volunteerId) {
        ShiftOfActivity found = activities.shiftWithActivity(shiftId)
                .orElseThrow(() -> new NotFound("shift", shiftId));
        ShiftView shift = found.shift();
        ActivityView activity = published(found.activity(), shift);
        VolunteerFacts own = volunteerId == null ? callerFacts() : null;
        if (volunteerId != null) {
            access.require(Role.TEAM_LEADER, activity.organisationId());
        }
        requireOpenForSignups(activity, shift);
        // An organiser names only people they may see: anyone else is told no such volunteer exists.
        VolunteerFacts facts = own != null ? own
                : volunteers.factsInCallersView(volunteerId).orElseThrow(() -> new NotFound("volunteer", volunteerId));
        boolean teamMember = activity.teamId() != null && teams.isLiveMember(activity.teamId(), facts.accountId());
        List<IneligibilityReason> reasons = Eligibility.reasonsAgainst(activity, shift, facts, teamMember);
        if (!reasons.isEmpty()) {
            throw new SignupProblems.NotEligible(reasons);
        }
        // No look-up of an existing sign-up first: the constraints refuse a second one, and the refusal says which.
        SignupStatus wanted = activity.approval() == Approval.AUTO ? SignupStatus.CONFIRMED : SignupStatus.PENDING;
        Long createdBy = access.currentCaller().map(Caller::accountId).orElse(null);
        SignupStore.Claim outcome = batcher.claim(
                new SignupBatcher.LaneKey(activity.id(), shift.id(), wanted, activity.waitlist()), facts.id(), createdBy);
        SignupStore.Claimed claimed = outcome.claimed();
        if (claimed == null) {
            throw refusal(activity, shift, facts.id(), outcome.refusedBy());
        }
        audit.describe(ActivityAudit.SIGNUP_CREATED, "signup", claimed.id(), activity.organisationId(),
                claimed.status().name());
        return new SignupView(claimed.id(), shift.id(), activity.id(), facts.id(), claimed.status(),
                claimed.waitlistPosition(), claimed.createdAt(), null, null, claimed.shiftStartsAt(),
                claimed.shiftEndsAt(), activity.title(), null, null);
    }

    /**
     * Why a sign-up was not made: a live one of the volunteer for the shift (a concurrent twin of this request may
     * trip either constraint first: the same shift is the same time), an overlapping one, or no place and no line.
     */
    private RuntimeException refusal(ActivityView activity, ShiftView shift, long volunteer, String refusedBy) {
        Optional<Long> twin = store.liveSignup(shift.id(), volunteer).map(SignupView::id);
        if (twin.isPresent()) {
            return new SignupProblems.AlreadySignedUp(twin.get());
        }
        if (refusedBy == null) {
            return activity.waitlist() ? SignupProblems.notTakingSignups() : new SignupProblems.ShiftFull();
        }
        return "signup_no_overlap".equals(refusedBy) ? new SignupProblems.OverlappingSignUp()
                : SignupProblems.changedMeanwhile();
    }

    /** Cancels a live sign-up: the volunteer until the cut-off, an organiser at any time. The place goes to the line. */
    @Transactional
    public SignupView cancel(long signupId) {
        SignupView signup = store.find(signupId).orElseThrow(() -> new NotFound("signup", signupId));
        ActivityView activity = activityOf(signup);
        boolean organiser = isOrganiser(activity);
        if (!organiser) {
            requireOwn(signup);
            OffsetDateTime cutoff = signup.shiftStartsAt().minus(settings.volunteerCancellationCutoff());
            if (!OffsetDateTime.now(clock).isBefore(cutoff)) {
                throw SignupProblems.cancellationClosed(settings.volunteerCancellationCutoff().toHours());
            }
        }
        end(signup, activity, SignupStatus.CANCELLED, null);
        audit.describe(ActivityAudit.SIGNUP_CANCELLED, "signup", signupId, activity.organisationId());
        return store.find(signupId).orElseThrow();
    }

    /** The organiser confirms a PENDING sign-up; it keeps the place it already held. */
    @Transactional
    public SignupView approve(long signupId) {
        SignupView signup = store.find(signupId).orElseThrow(() -> new NotFound("signup", signupId));
        ActivityView activity = activityOf(signup);
        access.require(Role.TEAM_LEADER, activity.organisationId());
        store.lockShift(signup.shiftId());
        if (!store.changeStatus(signupId, SignupStatus.PENDING, SignupStatus.CONFIRMED, callerId(), null)) {
            throw SignupProblems.changedMeanwhile();
        }
        store.release(signup.shiftId(), SignupStatus.PENDING);
        store.claimPlaceUnconditionally(signup.shiftId(), SignupStatus.CONFIRMED);
        audit.describe(ActivityAudit.SIGNUP_APPROVED, "signup", signupId, activity.organisationId());
        return store.find(signupId).orElseThrow();
    }

    /**
     * The organiser turns a PENDING sign-up down with a reason (the volunteer reads it; at most
     * {@value #REASON_LENGTH} characters); the place goes to the first in line.
     */
    @Transactional
    public SignupView reject(long signupId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_LENGTH) {
            throw new InvalidInput("reason", why.isEmpty() ? "validation.required" : "activity.validation.reasonLength");
        }
        SignupView signup = store.find(signupId).orElseThrow(() -> new NotFound("signup", signupId));
        ActivityView activity = activityOf(signup);
        access.require(Role.TEAM_LEADER, activity.organisationId());
        if (signup.status() != SignupStatus.PENDING) {
            throw SignupProblems.changedMeanwhile();
        }
        end(signup, activity, SignupStatus.REJECTED, why);
        audit.describe(ActivityAudit.SIGNUP_REJECTED, "signup", signupId, activity.organisationId(), why);
        return store.find(signupId).orElseThrow();
    }

    /** After the shift, the organiser records that a confirmed volunteer did not come. */
    @Transactional
    public SignupView markNoShow(long signupId) {
        SignupView signup = store.find(signupId).orElseThrow(() -> new NotFound("signup", signupId));
        ActivityView activity = activityOf(signup);
        access.require(Role.TEAM_LEADER, activity.organisationId());
        if (OffsetDateTime.now(clock).isBefore(signup.shiftEndsAt())) {
            throw SignupProblems.shiftNotOver();
        }
        if (!store.changeStatus(signupId, SignupStatus.CONFIRMED, SignupStatus.NO_SHOW, callerId(), null)) {
            throw SignupProblems.changedMeanwhile();
        }
        audit.describe(ActivityAudit.SIGNUP_NO_SHOW, "signup", signupId, activity.organisationId());
        return store.find(signupId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public SignupView get(long signupId) {
        SignupView signup = store.find(signupId).orElseThrow(() -> new NotFound("signup", signupId));
        if (!isOrganiser(activityOf(signup))) {
            requireOwn(signup);
        }
        return signup;
    }

    @Transactional(readOnly = true)
    public PageResult<SignupView> ofShift(long shiftId, SignupStatus status, PageRequest page) {
        long activityId = activities.activityOfShift(shiftId).orElseThrow(() -> new NotFound("shift", shiftId));
        ActivityView activity = activities.find(activityId).orElseThrow();
        access.require(Role.TEAM_LEADER, activity.organisationId());
        PageResult<SignupView> signups = store.ofShift(shiftId, status, page);
        var labels = volunteers.labelsOf(signups.items().stream().map(SignupView::volunteerId).toList());
        return signups.map(signup -> signup.labelled(labels.get(signup.volunteerId())));
    }

    @Transactional(readOnly = true)
    public PageResult<SignupView> mine(PageRequest page) {
        return store.ofVolunteer(callerVolunteerId(), page);
    }

    /** The volunteer's live sign-up of a shift (PENDING, CONFIRMED or WAITLISTED), for attendance. */
    @Transactional(readOnly = true)
    public Optional<SignupView> liveSignupOf(long shiftId, long volunteerId) {
        return store.liveSignup(shiftId, volunteerId);
    }

    /**
     * A volunteer who came without signing up, admitted at the door when the organiser allows walk-ins: a CONFIRMED
     * sign-up if a place is free (never the waiting list, whatever the recruitment window says), for an eligible
     * volunteer. The place is claimed under the shift's row lock like every sign-up. Its refusals come before any
     * write, so they leave the caller's transaction usable (attendance retries with a twin's sign-up).
     */
    @Transactional(noRollbackFor = Problem.class)
    public SignupView walkIn(long shiftId, long volunteerId) {
        ShiftView shift = activities.shift(shiftId).orElseThrow(() -> new NotFound("shift", shiftId));
        ActivityView activity = activities.find(shift.activityId()).orElseThrow();
        VolunteerFacts facts = volunteers.facts(volunteerId).orElseThrow(() -> new NotFound("volunteer", volunteerId));
        boolean teamMember = activity.teamId() != null && teams.isLiveMember(activity.teamId(), facts.accountId());
        List<IneligibilityReason> reasons = Eligibility.reasonsAgainst(activity, shift, facts, teamMember);
        if (!reasons.isEmpty()) {
            throw new SignupProblems.NotEligible(reasons);
        }
        store.lockShift(shiftId);
        Optional<Long> existing = store.liveSignup(shiftId, volunteerId).map(SignupView::id);
        if (existing.isPresent()) {
            throw new SignupProblems.AlreadySignedUp(existing.get());
        }
        if (!store.claimPlace(shiftId, SignupStatus.CONFIRMED)) {
            throw new SignupProblems.ShiftFull();
        }
        long id = store.insert(shiftId, volunteerId, SignupStatus.CONFIRMED, null,
                access.currentCaller().map(Caller::accountId).orElse(null));
        events.publishEvent(new SignedUp(id, shiftId, activity.id(), volunteerId, SignupStatus.CONFIRMED));
        audit.describe(ActivityAudit.SIGNUP_WALK_IN, "signup", id, activity.organisationId());
        return store.find(id).orElseThrow();
    }

    /** Ends a live sign-up and hands what it held to the next in line. The shift row is locked first. */
    private void end(SignupView signup, ActivityView activity, SignupStatus endAs, String reason) {
        store.lockShift(signup.shiftId());
        SignupView current = store.find(signup.id()).orElseThrow();
        if (!SignupStatus.LIVE.contains(current.status())
                || !store.changeStatus(signup.id(), current.status(), endAs, callerId(), reason)) {
            throw SignupProblems.changedMeanwhile();
        }
        store.release(signup.shiftId(), current.status());
        if (current.status().holdsAPlace()) {
            promoteIntoFreePlaces(activity, signup.shiftId());
        }
        events.publishEvent(new SignUpCancelled(signup.id(), signup.shiftId(), signup.volunteerId(), endAs));
    }

    /** Fills free places of a shift from its line, first come first served; the shift row must be locked. */
    void promoteIntoFreePlaces(ActivityView activity, long shiftId) {
        SignupStatus as = activity.approval() == Approval.AUTO ? SignupStatus.CONFIRMED : SignupStatus.PENDING;
        while (store.promoteFirst(shiftId, as).isPresent()) {
            // each promotion takes one free place; the loop ends when none is free or nobody waits
        }
    }

    private ActivityView published(ActivityView activity, ShiftView shift) {
        if (activity.status() == ActivityStatus.DRAFT && !isOrganiser(activity)) {
            throw new NotFound("shift", shift.id());
        }
        return activity;
    }

    private void requireOpenForSignups(ActivityView activity, ShiftView shift) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (activity.status() != ActivityStatus.PUBLISHED || activity.backfilled() || shift.status() != ShiftStatus.OPEN
                || !shift.startsAt().isAfter(now)) {
            throw SignupProblems.notTakingSignups();
        }
        boolean notYetOpen = activity.recruitmentOpensAt() != null && now.isBefore(activity.recruitmentOpensAt());
        boolean closed = activity.recruitmentClosesAt() != null && !now.isBefore(activity.recruitmentClosesAt());
        if (notYetOpen || closed) {
            throw SignupProblems.outsideRecruitmentWindow();
        }
    }

    private VolunteerFacts callerFacts() {
        return volunteers.factsOfAccount(access.caller().accountId()).orElseThrow(SignupProblems::notAVolunteer);
    }

    private long callerVolunteerId() {
        Caller caller = access.caller();
        return volunteers.idOfAccount(caller.account()).orElseThrow(SignupProblems::notAVolunteer);
    }

    private void requireOwn(SignupView signup) {
        Caller caller = access.caller();
        boolean own = volunteers.idOfAccount(caller.account()).filter(id -> id == signup.volunteerId()).isPresent();
        if (!own) {
            throw new NotFound("signup", signup.id());
        }
    }

    private boolean isOrganiser(ActivityView activity) {
        return access.currentCaller().isPresent() && access.holds(Role.TEAM_LEADER, activity.organisationId());
    }

    private ActivityView activityOf(SignupView signup) {
        return activities.find(signup.activityId()).orElseThrow();
    }

    private Long callerId() {
        return access.currentCaller().map(Caller::accountId).orElse(null);
    }
}
