package org.leifeng.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.leifeng.identity.AccessControl;
import org.leifeng.identity.AuditTrail;
import org.leifeng.identity.Role;
import org.leifeng.platform.InvalidInput;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.RuleViolation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Regular service (常态化): series that generate an activity's shifts on a rolling horizon, for its organisers.
 * A generated shift is an ordinary shift: it is moved or cancelled through the shift endpoints, and its row keeps
 * the occurrence, so generation never recreates it. Only future occurrences are generated.
 */
@Service
@EnableConfigurationProperties(RecurrenceProperties.class)
public class ShiftSeries {

    private final SeriesStore store;
    private final ActivityStore activities;
    private final AccessControl access;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final RecurrenceProperties properties;
    private final Clock clock;

    ShiftSeries(SeriesStore store, ActivityStore activities, AccessControl access, AuditTrail audit,
            ApplicationEventPublisher events, RecurrenceProperties properties, Clock clock) {
        this.store = store;
        this.activities = activities;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public SeriesView create(long activityId, NewSeries request) {
        long creator = access.caller().accountId();
        ActivityView activity = organised(activityId);
        if (activity.status() != ActivityStatus.DRAFT && activity.status() != ActivityStatus.PUBLISHED) {
            throw SignupProblems.wrongStatus(activity.status());
        }
        if (activity.backfilled()) {
            throw new RuleViolation("recurrence.backfilled", "A back-filled (补录) activity takes no recurring shifts.");
        }
        RecurrenceRule rule = RecurrenceRule.parse(request.rrule());
        LocalDate today = today();
        LocalDate startsOn = request.startsOn() == null ? today : request.startsOn();
        if (startsOn.isBefore(today)) {
            throw new InvalidInput("startsOn", "recurrence.validation.startsOn");
        }
        int horizonDays = request.horizonWeeks() != null ? request.horizonWeeks() * 7
                : (int) ChronoUnit.DAYS.between(today, today.plus(properties.horizon()));
        long id = store.insert(activityId, rule, request, startsOn, Math.min(366, Math.max(1, horizonDays)), creator);
        generate(id);
        audit.describe(ActivityAudit.SERIES_CREATED, "series", id, activity.organisationId(), rule.text());
        return view(id);
    }

    @Transactional(readOnly = true)
    public List<SeriesView> ofActivity(long activityId) {
        organised(activityId);
        return store.ofActivity(activityId).stream().map(series -> series.withShifts(store.shiftsOf(series.id())))
                .toList();
    }

    @Transactional(readOnly = true)
    public SeriesView get(long seriesId) {
        organised(store.find(seriesId).orElseThrow(() -> new NotFound("series", seriesId)).activityId());
        return view(seriesId);
    }

    /**
     * Ends the series: at once when {@code lastDate} is null, otherwise after that day (inclusive). Future shifts
     * beyond the end that nobody holds are cancelled; those with sign-ups stay for the organiser to decide.
     */
    @Transactional
    public SeriesView end(long seriesId, LocalDate lastDate) {
        SeriesView series = store.lock(seriesId).orElseThrow(() -> new NotFound("series", seriesId));
        ActivityView activity = organised(series.activityId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (lastDate == null) {
            store.deactivate(seriesId, now);
        } else if (lastDate.isBefore(series.startsOn())) {
            throw new InvalidInput("lastDate", "recurrence.validation.lastDate");
        } else {
            store.endOn(seriesId, lastDate);
        }
        List<Long> cancelled = store.cancelUnclaimed(seriesId, now, lastDate);
        cancelled.forEach(shiftId -> events.publishEvent(new ShiftCancelled(shiftId, activity.id(), List.of())));
        audit.describe(ActivityAudit.SERIES_ENDED, "series", seriesId, activity.organisationId(),
                (lastDate == null ? "now" : "after " + lastDate) + ", " + cancelled.size() + " shifts cancelled");
        return view(seriesId);
    }

    /**
     * Generates the series' missing future occurrences up to its horizon (or its end); answers how many shifts it
     * added. Idempotent: an occurrence whose row exists is left alone. Call inside a transaction.
     */
    int generate(long seriesId) {
        SeriesView series = store.lock(seriesId).orElseThrow(() -> new NotFound("series", seriesId));
        if (!series.active()) {
            return 0;
        }
        LocalDate through = today().plusDays(series.horizonDays());
        if (series.endsOn() != null && series.endsOn().isBefore(through)) {
            through = series.endsOn();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int added = 0;
        for (LocalDate date : RecurrenceRule.parse(series.rrule()).dates(series.startsOn(), through)) {
            OffsetDateTime startsAt = date.atTime(series.startTime()).atZone(RecurrenceRule.ZONE).toOffsetDateTime();
            boolean due = series.generatedUntil() == null || date.isAfter(series.generatedUntil());
            if (due && startsAt.isAfter(now) && store.insertOccurrence(series, date, startsAt)) {
                added++;
            }
        }
        store.generatedUntil(seriesId, through);
        return added;
    }

    private SeriesView view(long seriesId) {
        return store.find(seriesId).orElseThrow().withShifts(store.shiftsOf(seriesId));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(RecurrenceRule.ZONE));
    }

    private ActivityView organised(long activityId) {
        ActivityView activity = activities.find(activityId).orElseThrow(() -> new NotFound("activity", activityId));
        access.require(Role.TEAM_LEADER, activity.organisationId());
        return activity;
    }
}
