package org.leifeng.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.leifeng.activity.Activities;
import org.leifeng.activity.ActivityCategoryChanged;
import org.leifeng.activity.PeopleServedRecorded;
import org.leifeng.hours.CountedRecord;
import org.leifeng.hours.Hours;
import org.leifeng.hours.HoursCredited;
import org.leifeng.identity.AccessControl;
import org.leifeng.identity.AuditTrail;
import org.leifeng.identity.Role;
import org.leifeng.organisation.Organisation;
import org.leifeng.organisation.Organisations;
import org.leifeng.organisation.Teams;
import org.leifeng.platform.InvalidInput;
import org.leifeng.platform.NotFound;
import org.leifeng.volunteer.VolunteerLabel;
import org.leifeng.volunteer.VolunteerRegistration;
import org.leifeng.volunteer.Volunteers;
import org.roaringbitmap.longlong.Roaring64NavigableMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures leaders act on, for their own subtree only: overview with the previous period, ranking of the direct
 * children and the organisation's own level, monthly trend. Fed by events ({@link #apply(HoursCredited)},
 * {@link #register}, {@link #recategorise}); rebuilt from the ledger, the registrations and the activities by
 * {@link #rebuild()}; {@link #reconcile()} compares them with the ledger.
 */
@Service
public class Reports {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    /** Records of an export per look-up of volunteers' numbers and names. */
    private static final int LABEL_BATCH = 1_000;
    /** Longer than any transaction that applies an event: see {@link #pastBy}. */
    private static final Duration COMMIT_MARGIN = Duration.ofMinutes(5);
    private static final int MAX_DAYS = 3 * 366;

    private final ReportStore store;
    private final Hours hours;
    private final Volunteers volunteers;
    private final Activities activities;
    private final Organisations organisations;
    private final AccessControl access;
    private final Clock clock;
    private final Teams teams;
    private final PastFigures pastFigures;
    private final AuditTrail audit;
    /** Star counts per scope, kept until a level changes or the figures are rebuilt (the versions in the key). */
    private final Cache<StarKey, Map<Integer, Long>> starLevels = Caffeine.newBuilder().maximumSize(1_000).build();

    Reports(ReportStore store, PastFigures pastFigures, Hours hours, Volunteers volunteers, Activities activities,
            Organisations organisations, Teams teams, AccessControl access, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.teams = teams;
        this.store = store;
        this.pastFigures = pastFigures;
        this.hours = hours;
        this.volunteers = volunteers;
        this.activities = activities;
        this.organisations = organisations;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Overview overview(Long organisationId, LocalDate from, LocalDate to) {
        return overviewOf(scope(organisationId), from, to);
    }

    /** Without a caller: for a display link, which is itself the permission (see {@link DisplayLinks}). */
    Overview overviewOf(Organisation scope, LocalDate from, LocalDate to) {
        Period period = Period.of(from, to, today());
        List<Long> subtree = organisations.idsWithin(List.of(scope.path()));
        Period previous = period.previous();
        ReportStore.Versions versions = store.versions();
        long version = versions.past();
        Totals now = totals(subtree, period, version, live(subtree, period));
        Map<String, BigDecimal> byCategory = new LinkedHashMap<>();
        now.hoursByCategory().entrySet().stream().filter(category -> category.getValue().signum() != 0)
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                .forEach(category -> byCategory.put(category.getKey(), category.getValue()));
        return new Overview(scope.id(), scope.name(), period.from(), period.lastDay(), figures(now),
                figures(totals(subtree, previous, version, live(subtree, previous))), byCategory,
                starLevels.get(new StarKey(List.copyOf(subtree), versions), key -> store.starLevels(subtree)));
    }

    /**
     * The direct children by {@code by}: hours (default), active (active volunteers) or perVolunteer; and the
     * organisation's own level when it organised service or has volunteers of its own in the period.
     */
    @Transactional(readOnly = true)
    public Ranking ranking(Long organisationId, LocalDate from, LocalDate to, String by) {
        return rankingOf(scope(organisationId), from, to, by);
    }

    Ranking rankingOf(Organisation scope, LocalDate from, LocalDate to, String by) {
        Period period = Period.of(from, to, today());
        String order = by == null || by.isBlank() ? "hours" : by;
        if (!List.of("hours", "active", "perVolunteer").contains(order)) {
            throw new InvalidInput("by", "reporting.rankingOrder");
        }
        Map<Long, List<Long>> subtrees = new LinkedHashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (Organisation child : organisations.activeChildren(scope.id())) {
            subtrees.put(child.id(), organisations.idsWithin(List.of(child.path())));
            names.put(child.id(), child.name());
        }
        long version = store.versions().past();
        List<Long> scopeAndChildren = new ArrayList<>(List.of(scope.id()));
        subtrees.values().forEach(scopeAndChildren::addAll);
        LiveRows live = live(scopeAndChildren, period);
        List<Ranking.Item> items = new ArrayList<>();
        for (long child : subtrees.keySet()) {
            items.add(rankingItem(child, names.get(child), totals(subtrees.get(child), period, version, live), false));
        }
        Ranking.Item ownLevel = rankingItem(scope.id(), scope.name(), totals(List.of(scope.id()), period, version, live),
                true);
        if (ownLevel.serviceHours().signum() != 0 || ownLevel.activeVolunteers() != 0 || ownLevel.volunteers() != 0) {
            items.add(ownLevel);
        }
        Comparator<Ranking.Item> comparator = switch (order) {
            case "active" -> Comparator.comparingLong(Ranking.Item::activeVolunteers).reversed();
            case "perVolunteer" -> Comparator.comparing(Ranking.Item::hoursPerVolunteer).reversed();
            default -> Comparator.comparing(Ranking.Item::serviceHours).reversed();
        };
        items.sort(comparator.thenComparing(Ranking.Item::organisationId));
        return new Ranking(scope.id(), period.from(), period.lastDay(), order, items);
    }

    private static Ranking.Item rankingItem(long organisationId, String name, Totals totals, boolean ownLevel) {
        BigDecimal served = totals.hours().setScale(1);
        long registered = totals.registeredBefore();
        return new Ranking.Item(organisationId, name, served, totals.activeVolunteers(), registered,
                registered == 0 ? BigDecimal.ZERO.setScale(2)
                        : served.divide(BigDecimal.valueOf(registered), 2, RoundingMode.HALF_UP), ownLevel);
    }

    /** The twelve months up to this one. */
    @Transactional(readOnly = true)
    public Trend trend(Long organisationId) {
        return trendOf(scope(organisationId));
    }

    Trend trendOf(Organisation scope) {
        LocalDate thisMonth = today().withDayOfMonth(1);
        List<Long> subtree = organisations.idsWithin(List.of(scope.path()));
        long version = store.versions().past();
        List<Trend.Point> months = new ArrayList<>();
        for (LocalDate month = thisMonth.minusMonths(11); !month.isAfter(thisMonth); month = month.plusMonths(1)) {
            Period period = new Period(month, month.plusMonths(1));
            Totals totals = totals(subtree, period, version, live(subtree, period));
            months.add(new Trend.Point(month, totals.hours().setScale(1), totals.activeVolunteers()));
        }
        return new Trend(scope.id(), months);
    }

    /** Applies a change of counted hours, once per ledger entry however often it is delivered. */
    @Transactional
    public void apply(HoursCredited credited) {
        if (applyCredit(credited)) {
            // Corrections can lower a level as well as raise it: the ledger's level is the truth.
            volunteers.facts(credited.volunteerId()).ifPresent(volunteer -> store.setStar(credited.volunteerId(),
                    volunteer.organisationId(), hours.starLevelOf(credited.volunteerId())));
        }
    }

    /** The hours part of {@link #apply}; false when the entry was applied before. */
    private boolean applyCredit(HoursCredited credited) {
        if (!store.firstTime("hours", credited.entryId())) {
            return false;
        }
        if (pastBy(credited.serviceDate())) {
            store.pastChanged();
        }
        long activityId = credited.activityId() == null ? 0 : credited.activityId();
        boolean newRecord = credited.correctsEntryId() == null && credited.hours().signum() > 0;
        store.addService(credited.organisationId(), credited.serviceDate(), activityId, credited.hours(),
                newRecord ? 1 : 0);
        store.addVolunteerHours(credited.organisationId(), credited.serviceDate(), credited.volunteerId(),
                credited.hours());
        return true;
    }

    @Transactional
    public void peopleServed(PeopleServedRecorded recorded) {
        store.setPeopleServed(recorded.activityId(), recorded.organisationId(), recorded.day(), recorded.peopleServed(),
                recorded.recordedAt());
        if (pastBy(recorded.day())) {
            store.pastChanged();
        }
    }

    /**
     * Figures by category follow each activity's current category, as a rebuild counts them: a change moves the hours
     * counted for the activity, on every day, to its new category. Changes older than one applied before are ignored.
     */
    @Transactional
    public void recategorise(ActivityCategoryChanged changed) {
        if (store.recategorise(changed.activityId(), changed.category().name(), changed.changedAt()) > 0) {
            store.pastChanged();
        }
    }

    @Transactional
    public void register(VolunteerRegistration registration) {
        if (store.firstTime("registration", registration.volunteerId())) {
            LocalDate day = registration.registeredAt().atZoneSameInstant(CITY).toLocalDate();
            store.addRegistration(registration.organisationId(), day);
            if (pastBy(day)) {
                store.pastChanged();
            }
        }
    }

    /**
     * Throws the read models away and builds them again from the sources, set by set in PostgreSQL (see
     * {@link ReportStore#rebuildFromSources}); events still on their way about facts it included change nothing.
     */
    @Transactional
    public void rebuild() {
        store.rebuildFromSources();
    }

    /** The activities and teams with the most hours in the subtree and period (ten of each). */
    @Transactional(readOnly = true)
    public Top top(Long organisationId, LocalDate from, LocalDate to) {
        Organisation scope = scope(organisationId);
        Period period = Period.of(from, to, today());
        List<Long> subtree = organisations.idsWithin(List.of(scope.path()));
        List<Top.Item> topActivities = new ArrayList<>();
        for (long[] row : store.topActivities(subtree, period.from(), period.to(), 10)) {
            String title;
            try {
                title = activities.get(row[0]).title();
            } catch (NotFound gone) {
                title = "#" + row[0];
            }
            topActivities.add(new Top.Item(row[0], title, BigDecimal.valueOf(row[1], 1), row[2]));
        }
        List<long[]> teamRows = store.topTeams(subtree, period.from(), period.to(), 10);
        Map<Long, String> teamNames = teams.namesOf(teamRows.stream().map(row -> row[0]).toList());
        List<Top.Item> topTeams = teamRows.stream().map(row -> new Top.Item(row[0], teamNames.getOrDefault(row[0], ""),
                BigDecimal.valueOf(row[1], 1), row[2])).toList();
        return new Top(scope.id(), period.from(), period.lastDay(), topActivities, topTeams);
    }

    /**
     * Every counted service record of the scope in the period, for an export: day, volunteer number and name,
     * organisation, activity, start and end (city time), hours. The scope is checked and the export audited now (it
     * names volunteers); the rows are read when the export is written, through a cursor, a thousand volunteers' names
     * at a time, so a million rows never sit in memory.
     */
    public ReportTable.Rows records(Long organisationId, LocalDate from, LocalDate to) {
        Organisation scope = scope(organisationId);
        Period period = Period.of(from, to, today());
        List<Long> subtree = organisations.idsWithin(List.of(scope.path()));
        Map<Long, String> names = organisations.namesOf(subtree);
        audit.record(ReportingAudit.RECORDS_EXPORTED, "organisation", scope.id(), scope.id(),
                period.from() + ".." + period.lastDay());
        return row -> {
            List<CountedRecord> batch = new ArrayList<>(LABEL_BATCH);
            hours.forEachCountedRecord(subtree, period.from(), period.to(), record -> {
                batch.add(record);
                if (batch.size() == LABEL_BATCH) {
                    emit(batch, names, row);
                }
            });
            emit(batch, names, row);
        };
    }

    private void emit(List<CountedRecord> batch, Map<Long, String> names, Consumer<List<Object>> row) {
        Map<Long, VolunteerLabel> labels = volunteers.labelsOf(batch.stream().map(CountedRecord::volunteerId).toList());
        for (CountedRecord record : batch) {
            VolunteerLabel label = labels.get(record.volunteerId());
            row.accept(Arrays.asList(record.serviceDate(), label == null ? "" : label.volunteerNumber(),
                    label == null ? "" : label.name(), names.getOrDefault(record.organisationId(), ""),
                    record.activityTitle() == null ? "" : record.activityTitle(), cityTime(record.servedFrom()),
                    cityTime(record.servedUntil()), record.hours()));
        }
        batch.clear();
    }

    private static LocalDateTime cityTime(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, CITY);
    }

    /** For city administrators: rebuild now. */
    @Transactional
    public Reconciliation rebuildAsAdministrator() {
        access.require(Role.ORG_ADMIN, access.rootOrganisationId());
        rebuild();
        return reconcile();
    }

    /**
     * The read models against the ledger (hours per organiser, and per organiser and category as the activities have
     * it now) and the registrations (their number).
     */
    @Transactional(readOnly = true)
    public Reconciliation reconcile() {
        Map<ReportStore.OrganisationCategory, BigDecimal> ledger = store.ledgerHoursByOrganisationAndCategory();
        Map<ReportStore.OrganisationCategory, BigDecimal> figures = store.figuresHoursByOrganisationAndCategory();
        List<Reconciliation.Drift> drifts = new ArrayList<>();
        Map<Long, BigDecimal> ledgerByOrganisation = byOrganisation(ledger);
        Map<Long, BigDecimal> figuresByOrganisation = byOrganisation(figures);
        Set<Long> organisationIds = new TreeSet<>(ledgerByOrganisation.keySet());
        organisationIds.addAll(figuresByOrganisation.keySet());
        for (long organisation : organisationIds) {
            BigDecimal source = ledgerByOrganisation.getOrDefault(organisation, BigDecimal.ZERO);
            BigDecimal counted = figuresByOrganisation.getOrDefault(organisation, BigDecimal.ZERO);
            if (source.compareTo(counted) != 0) {
                drifts.add(new Reconciliation.Drift("serviceHours", organisation, source, counted));
            }
        }
        Set<ReportStore.OrganisationCategory> categories = new TreeSet<>(Comparator
                .comparingLong(ReportStore.OrganisationCategory::organisationId)
                .thenComparing(ReportStore.OrganisationCategory::category));
        categories.addAll(ledger.keySet());
        categories.addAll(figures.keySet());
        for (ReportStore.OrganisationCategory category : categories) {
            BigDecimal source = ledger.getOrDefault(category, BigDecimal.ZERO);
            BigDecimal counted = figures.getOrDefault(category, BigDecimal.ZERO);
            if (source.compareTo(counted) != 0) {
                drifts.add(new Reconciliation.Drift("hoursByCategory." + category.category(),
                        category.organisationId(), source, counted));
            }
        }
        long registered = store.registrationsTotal();
        long applied = store.registrationsApplied();
        if (registered != applied) {
            drifts.add(new Reconciliation.Drift("registrations", null, BigDecimal.valueOf(registered),
                    BigDecimal.valueOf(applied)));
        }
        return new Reconciliation(drifts.isEmpty(), drifts);
    }

    private static Map<Long, BigDecimal> byOrganisation(Map<ReportStore.OrganisationCategory, BigDecimal> hours) {
        Map<Long, BigDecimal> totals = new HashMap<>();
        hours.forEach((key, value) -> totals.merge(key.organisationId(), value, BigDecimal::add));
        return totals;
    }

    @Transactional(readOnly = true)
    public Reconciliation reconcileAsAdministrator() {
        access.require(Role.ORG_ADMIN, access.rootOrganisationId());
        return reconcile();
    }

    private static Figures figures(Totals totals) {
        BigDecimal served = totals.hours().setScale(1);
        long active = totals.activeVolunteers();
        return Figures.withoutRequests(totals.registeredBefore(), totals.registeredWithin(), active,
                totals.activities(), totals.participations(), served, active == 0 ? BigDecimal.ZERO.setScale(1)
                        : served.divide(BigDecimal.valueOf(active), 1, RoundingMode.HALF_UP), totals.peopleServed());
    }

    /** The figures of a subtree and period before they are rounded for people. */
    private record Totals(long activeVolunteers, long registeredBefore, long registeredWithin, BigDecimal hours,
            long participations, long activities, Map<String, BigDecimal> hoursByCategory, long peopleServed) {
    }

    /**
     * The subtree's figures for the period: the days before today as {@link PastFigures} read them for this version,
     * and today's rows of the subtree from {@code live} (read for a scope that contains it, see {@link #live}) added:
     * sets of volunteers and activities joined, not summed. Active volunteers are those with credited hours on some day
     * of the period for an organisation of the subtree.
     */
    private Totals totals(List<Long> subtree, Period period, long version, LiveRows live) {
        LocalDate split = period.split(today());
        PastFigures.Past past = pastFigures.of(subtree, period.from(), split, version);
        Set<Long> within = new HashSet<>(subtree);
        // Today's volunteers of the subtree, sorted so the set is built by appending, less those active before today.
        LongStream.Builder today = LongStream.builder();
        for (long organisation : subtree) {
            long[] volunteers = live.volunteers().get(organisation);
            if (volunteers != null) {
                for (long volunteer : volunteers) {
                    today.add(volunteer);
                }
            }
        }
        Roaring64NavigableMap activeToday = new Roaring64NavigableMap();
        today.build().sorted().forEach(activeToday::addLong);
        activeToday.andNot(past.active());
        long active = past.active().getLongCardinality() + activeToday.getLongCardinality();
        BigDecimal hours = past.hours();
        long participations = past.participations();
        Map<String, BigDecimal> byCategory = new HashMap<>(past.hoursByCategory());
        Set<Long> newActivities = new HashSet<>();
        for (LiveRows.Service service : live.services()) {
            if (within.contains(service.organisationId())) {
                hours = hours.add(service.hours());
                participations += service.participations();
                byCategory.merge(service.category(), service.hours(), BigDecimal::add);
                if (service.activityId() != 0 && service.participations() > 0
                        && !past.activities().contains(service.activityId())) {
                    newActivities.add(service.activityId());
                }
            }
        }
        long registered = sumWithin(live.registrations(), within);
        return new Totals(active, past.registeredBefore() + registered, past.registeredWithin() + registered, hours,
                participations, past.activities().getLongCardinality() + newActivities.size(), byCategory,
                past.peopleServed() + sumWithin(live.people(), within));
    }

    /** Today's rows of the organisations for the period (none when the period ends before today). */
    private LiveRows live(List<Long> organisations, Period period) {
        LocalDate split = period.split(today());
        return split.isBefore(period.to()) ? store.live(organisations, split, period.to()) : LiveRows.NONE;
    }

    private static long sumWithin(Map<Long, Long> perOrganisation, Set<Long> within) {
        return perOrganisation.entrySet().stream().filter(entry -> within.contains(entry.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The organisation asked for, which the caller administers; without one, the top of the caller's scope. */
    private Organisation scope(Long organisationId) {
        long id = organisationId != null ? organisationId
                : organisations.scopeRoots().stream().map(Organisation::id).findFirst()
                        .orElseGet(access::rootOrganisationId);
        access.require(Role.ORG_ADMIN, id);
        return organisations.findActive(id).orElseThrow(() -> new NotFound("organisation", id));
    }

    /** A scope's organisations and the versions its star counts were read at. */
    private record StarKey(List<Long> organisations, ReportStore.Versions versions) {
    }

    /**
     * Whether a fact about {@code day} changes figures that {@link PastFigures} may keep: a day before today, or today
     * in its last minutes, since this transaction may commit after midnight, when today has become a past day that a
     * reader could already have counted without it.
     */
    private boolean pastBy(LocalDate day) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(CITY));
        return now.plus(COMMIT_MARGIN).toLocalDate().isAfter(day);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CITY));
    }

    /** Days {@code from} to {@code to} exclusive; the API speaks of inclusive last days. Default: the last 30 days. */
    record Period(LocalDate from, LocalDate to) {

        static Period of(LocalDate from, LocalDate lastDay, LocalDate today) {
            LocalDate end = (lastDay == null ? today : lastDay).plusDays(1);
            LocalDate start = from == null ? end.minusDays(30) : from;
            if (!start.isBefore(end)) {
                throw new InvalidInput("to", "reporting.periodBackwards");
            }
            if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
                throw new InvalidInput("from", "reporting.periodTooLong");
            }
            return new Period(start, end);
        }

        Period previous() {
            long days = ChronoUnit.DAYS.between(from, to);
            return new Period(from.minusDays(days), from);
        }

        LocalDate lastDay() {
            return to.minusDays(1);
        }

        /** Where the past ends in this period: today, or the period's start or end when today is outside it. */
        LocalDate split(LocalDate today) {
            return today.isBefore(from) ? from : today.isAfter(to) ? to : today;
        }
    }
}
