package org.leifeng.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.leifeng.activity.Activities;
import org.leifeng.activity.PeopleServedRecorded;
import org.leifeng.hours.Hours;
import org.leifeng.hours.HoursCredited;
import org.leifeng.identity.AccessControl;
import org.leifeng.identity.Role;
import org.leifeng.organisation.Organisation;
import org.leifeng.organisation.Organisations;
import org.leifeng.organisation.Teams;
import org.leifeng.platform.InvalidInput;
import org.leifeng.platform.NotFound;
import org.leifeng.volunteer.VolunteerRegistration;
import org.leifeng.volunteer.Volunteers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures leaders act on, for their own subtree only: overview with the previous period, ranking of the direct
 * children, monthly trend. Fed by events ({@link #apply(HoursCredited)}, {@link #register}); rebuilt from the
 * ledger and the registrations by {@link #rebuild()}; {@link #reconcile()} compares them with the ledger.
 */
@Service
public class Reports {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final int MAX_DAYS = 3 * 366;
    private static final int BATCH = 5_000;

    private final ReportStore store;
    private final Hours hours;
    private final Volunteers volunteers;
    private final Activities activities;
    private final Organisations organisations;
    private final AccessControl access;
    private final Clock clock;
    /** An activity's category and team never change once published: looked up once per activity. */
    private final Map<Long, ActivityFacts> activityFacts = new ConcurrentHashMap<>();
    private final Teams teams;

    Reports(ReportStore store, Hours hours, Volunteers volunteers, Activities activities, Organisations organisations,
            Teams teams, AccessControl access, Clock clock) {
        this.teams = teams;
        this.store = store;
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
        return new Overview(scope.id(), scope.name(), period.from(), period.lastDay(), figures(subtree, period),
                figures(subtree, previous), store.hoursByCategory(subtree, period.from(), period.to()),
                store.starLevels(subtree));
    }

    /** The direct children by {@code by}: hours (default), active (active volunteers) or perVolunteer. */
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
        Map<Long, BigDecimal> hoursByChild = new HashMap<>();
        Map<Long, long[]> figures = subtrees.isEmpty() ? Map.of()
                : store.perChild(subtrees, period.from(), period.to(), hoursByChild);
        List<Ranking.Item> items = new ArrayList<>();
        for (long child : subtrees.keySet()) {
            BigDecimal served = hoursByChild.getOrDefault(child, BigDecimal.ZERO).setScale(1);
            long active = figures.get(child)[0];
            long registered = figures.get(child)[1];
            items.add(new Ranking.Item(child, names.get(child), served, active, registered,
                    registered == 0 ? BigDecimal.ZERO.setScale(2)
                            : served.divide(BigDecimal.valueOf(registered), 2, RoundingMode.HALF_UP)));
        }
        Comparator<Ranking.Item> comparator = switch (order) {
            case "active" -> Comparator.comparingLong(Ranking.Item::activeVolunteers).reversed();
            case "perVolunteer" -> Comparator.comparing(Ranking.Item::hoursPerVolunteer).reversed();
            default -> Comparator.comparing(Ranking.Item::serviceHours).reversed();
        };
        items.sort(comparator.thenComparing(Ranking.Item::organisationId));
        return new Ranking(scope.id(), period.from(), period.lastDay(), order, items);
    }

    /** The twelve months up to this one. */
    @Transactional(readOnly = true)
    public Trend trend(Long organisationId) {
        return trendOf(scope(organisationId));
    }

    Trend trendOf(Organisation scope) {
        LocalDate thisMonth = today().withDayOfMonth(1);
        List<Long> subtree = organisations.idsWithin(List.of(scope.path()));
        return new Trend(scope.id(), store.months(subtree, thisMonth.minusMonths(11), thisMonth.plusMonths(1)).stream()
                .map(month -> new Trend.Point(month.month(), month.hours().setScale(1), month.activeVolunteers()))
                .toList());
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
        if (!store.firstTime("hours:" + credited.entryId())) {
            return false;
        }
        long activityId = credited.activityId() == null ? 0 : credited.activityId();
        boolean newRecord = credited.correctsEntryId() == null && credited.hours().signum() > 0;
        ActivityFacts activity = activityFacts(credited.activityId());
        store.addService(credited.organisationId(), credited.serviceDate(), activityId, activity.category(),
                activity.teamId(), credited.hours(), newRecord ? 1 : 0);
        store.addVolunteerHours(credited.organisationId(), credited.serviceDate(), credited.volunteerId(),
                credited.hours());
        return true;
    }

    @Transactional
    public void peopleServed(PeopleServedRecorded recorded) {
        store.setPeopleServed(recorded.activityId(), recorded.organisationId(), recorded.day(), recorded.peopleServed(),
                recorded.recordedAt());
    }

    @Transactional
    public void register(VolunteerRegistration registration) {
        if (store.firstTime("registration:" + registration.volunteerId())) {
            store.addRegistration(registration.organisationId(),
                    registration.registeredAt().atZoneSameInstant(CITY).toLocalDate());
        }
    }

    /**
     * Throws the read models away and builds them again from the sources, set by set: the ledger's day sums (not its
     * entries one by one, which at a city's ten million would take an hour), the registrations, the people served,
     * the star levels; every source fact is marked applied, so events still on their way change nothing.
     */
    @Transactional
    public void rebuild() {
        store.clear();
        Map<Long, Integer> stars = hours.starLevels();
        Map<Long, Long> starOrganisation = new HashMap<>();
        Map<List<Object>, Integer> registrationsPerDay = new HashMap<>();
        Batch registered = new Batch(ids -> store.markApplied("registration:", ids));
        volunteers.forEachRegistration(registration -> {
            registrationsPerDay.merge(List.of(registration.organisationId(),
                    registration.registeredAt().atZoneSameInstant(CITY).toLocalDate()), 1, Integer::sum);
            if (stars.containsKey(registration.volunteerId())) {
                starOrganisation.put(registration.volunteerId(), registration.organisationId());
            }
            registered.add(registration.volunteerId());
        });
        registered.flush();
        store.addRegistrations(registrationsPerDay.entrySet().stream()
                .map(day -> new Object[] {day.getKey().get(0), day.getKey().get(1), day.getValue()}).toList());
        activities.forEachPeopleServed(this::peopleServed);
        List<Object[]> services = new ArrayList<>();
        hours.forEachDailyService(day -> {
            ActivityFacts activity = activityFacts(day.activityId());
            services.add(new Object[] {day.organisationId(), day.day(), day.activityId() == null ? 0L : day.activityId(),
                    activity.category(), activity.teamId(), day.hours(), day.participations()});
            if (services.size() == BATCH) {
                store.addServices(services);
                services.clear();
            }
        });
        store.addServices(services);
        List<Object[]> volunteerDays = new ArrayList<>();
        hours.forEachVolunteerDay(day -> {
            volunteerDays.add(new Object[] {day.organisationId(), day.day(), day.volunteerId(), day.hours()});
            if (volunteerDays.size() == BATCH) {
                store.addVolunteerDays(volunteerDays);
                volunteerDays.clear();
            }
        });
        store.addVolunteerDays(volunteerDays);
        Batch counted = new Batch(ids -> store.markApplied("hours:", ids));
        hours.forEachCountedEntryId(counted::add);
        counted.flush();
        stars.forEach((volunteer, level) -> {
            Long organisation = starOrganisation.get(volunteer);
            if (organisation != null) {
                store.setStar(volunteer, organisation, level);
            }
        });
    }

    /** Ids gathered and handed on {@value #BATCH} at a time. */
    private static final class Batch {

        private final java.util.function.Consumer<List<Long>> sink;
        private final List<Long> ids = new ArrayList<>();

        Batch(java.util.function.Consumer<List<Long>> sink) {
            this.sink = sink;
        }

        void add(long id) {
            ids.add(id);
            if (ids.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!ids.isEmpty()) {
                sink.accept(List.copyOf(ids));
                ids.clear();
            }
        }
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

    /** For city administrators: rebuild now. */
    @Transactional
    public Reconciliation rebuildAsAdministrator() {
        access.require(Role.ORG_ADMIN, access.rootOrganisationId());
        rebuild();
        return reconcile();
    }

    /** The read models against the ledger (hours per organiser) and the registrations (their number). */
    @Transactional(readOnly = true)
    public Reconciliation reconcile() {
        Map<Long, BigDecimal> ledger = hours.countedHoursByOrganisation();
        Map<Long, BigDecimal> figures = store.hoursByOrganisation();
        List<Reconciliation.Drift> drifts = new ArrayList<>();
        java.util.Set<Long> organisationIds = new java.util.TreeSet<>(ledger.keySet());
        organisationIds.addAll(figures.keySet());
        for (long organisation : organisationIds) {
            BigDecimal source = ledger.getOrDefault(organisation, BigDecimal.ZERO);
            BigDecimal counted = figures.getOrDefault(organisation, BigDecimal.ZERO);
            if (source.compareTo(counted) != 0) {
                drifts.add(new Reconciliation.Drift("serviceHours", organisation, source, counted));
            }
        }
        long[] registered = {0};
        volunteers.forEachRegistration(registration -> registered[0]++);
        if (registered[0] != store.registrationsApplied()) {
            drifts.add(new Reconciliation.Drift("registrations", null, BigDecimal.valueOf(registered[0]),
                    BigDecimal.valueOf(store.registrationsApplied())));
        }
        return new Reconciliation(drifts.isEmpty(), drifts);
    }

    @Transactional(readOnly = true)
    public Reconciliation reconcileAsAdministrator() {
        access.require(Role.ORG_ADMIN, access.rootOrganisationId());
        return reconcile();
    }

    private Figures figures(List<Long> subtree, Period period) {
        ReportStore.Service service = store.service(subtree, period.from(), period.to());
        long active = store.activeVolunteers(subtree, period.from(), period.to());
        long[] registrations = store.registrations(subtree, period.from(), period.to());
        BigDecimal served = service.hours().setScale(1);
        return new Figures(registrations[0], registrations[1], active, service.activities(), service.participations(),
                served, active == 0 ? BigDecimal.ZERO.setScale(1) : served.divide(BigDecimal.valueOf(active), 1,
                        RoundingMode.HALF_UP), store.peopleServed(subtree, period.from(), period.to()), 0,
                BigDecimal.ZERO);
    }

    /** The organisation asked for, which the caller administers; without one, the top of the caller's scope. */
    private Organisation scope(Long organisationId) {
        long id = organisationId != null ? organisationId
                : organisations.scopeRoots().stream().map(Organisation::id).findFirst()
                        .orElseGet(access::rootOrganisationId);
        access.require(Role.ORG_ADMIN, id);
        return organisations.findActive(id).orElseThrow(() -> new NotFound("organisation", id));
    }

    private ActivityFacts activityFacts(Long activityId) {
        if (activityId == null) {
            return new ActivityFacts("OTHER", null);
        }
        return activityFacts.computeIfAbsent(activityId, id -> {
            try {
                var activity = activities.get(id);
                return new ActivityFacts(activity.category().name(), activity.teamId());
            } catch (NotFound gone) {
                return new ActivityFacts("OTHER", null);
            }
        });
    }

    private record ActivityFacts(String category, Long teamId) {
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
    }
}
