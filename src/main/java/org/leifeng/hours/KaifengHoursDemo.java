package org.leifeng.hours;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.leifeng.activity.ActivitySearch;
import org.leifeng.activity.ActivitySearchQuery;
import org.leifeng.activity.ActivitySummary;
import org.leifeng.activity.ActivityView;
import org.leifeng.activity.Activities;
import org.leifeng.activity.ShiftView;
import org.leifeng.identity.AccountId;
import org.leifeng.identity.Accounts;
import org.leifeng.organisation.Organisation;
import org.leifeng.organisation.OrganisationType;
import org.leifeng.organisation.Organisations;
import org.leifeng.organisation.Teams;
import org.leifeng.platform.DemoDataContributor;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.leifeng.platform.ServiceTime;
import org.leifeng.volunteer.Volunteers;
import org.springframework.stereotype.Component;

/**
 * A year of credited hours for the demo city, from attendance at its held activities: in each district one core
 * volunteer at nearly every regular shift (three stars), three regulars of Saturdays and Wednesdays and some weekday
 * mornings (two stars), ten who come most Saturdays (one star), and the other team members at a few of the
 * district's other held activities. The demo volunteer who signs in with 13800138000 comes most Saturdays. Entries go
 * through the ledger's chain (hashes, totals, star levels) in batches; no time is credited twice.
 */
@Component
class KaifengHoursDemo implements DemoDataContributor {

    private static final String DEMO_PHONE = "13800138000";

    private final Ledger ledger;
    private final ActivitySearch search;
    private final Activities activities;
    private final Organisations organisations;
    private final Teams teams;
    private final Volunteers volunteers;
    private final Accounts accounts;
    private final ServiceTime serviceTime;
    private final Clock clock;

    KaifengHoursDemo(Ledger ledger, ActivitySearch search, Activities activities, Organisations organisations,
            Teams teams, Volunteers volunteers, Accounts accounts, ServiceTime serviceTime, Clock clock) {
        this.ledger = ledger;
        this.search = search;
        this.activities = activities;
        this.organisations = organisations;
        this.teams = teams;
        this.volunteers = volunteers;
        this.accounts = accounts;
        this.serviceTime = serviceTime;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "hours.kaifeng";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void load() {
        Random random = new Random(19630305L);
        Map<Long, List<EntryDraft>> planned = new TreeMap<>();
        Map<Long, List<Instant[]>> busy = new HashMap<>();
        Optional<Long> demoVolunteer = accounts.idOfUsername(DEMO_PHONE).map(AccountId::new)
                .flatMap(volunteers::idOfAccount);
        for (Organisation district : organisations.activeChildren(organisations.cityId())) {
            if (district.type() != OrganisationType.DISTRICT) {
                continue;
            }
            List<ActivityView> held = heldIn(district);
            Optional<ActivityView> saturdayService = titled(held, "每周六");
            Optional<ActivityView> wednesdayVisits = titled(held, "周三晚间");
            Optional<ActivityView> weekdayPosts = titled(held, "工作日早高峰");
            if (saturdayService.isEmpty() || wednesdayVisits.isEmpty() || weekdayPosts.isEmpty()) {
                continue;
            }
            ActivityView saturdays = saturdayService.get();
            ActivityView wednesdays = wednesdayVisits.get();
            ActivityView weekdays = weekdayPosts.get();
            List<ActivityView> regular = List.of(saturdays, wednesdays, weekdays);
            List<Long> members = membersOf(district);
            demoVolunteer.ifPresent(members::remove);
            for (int i = 0; i < members.size(); i++) {
                long volunteer = members.get(i);
                if (i == 0) {
                    attend(planned, busy, volunteer, saturdays, 0.95, random);
                    attend(planned, busy, volunteer, wednesdays, 0.95, random);
                    attend(planned, busy, volunteer, weekdays, 0.95, random);
                } else if (i <= 3) {
                    attend(planned, busy, volunteer, saturdays, 0.9, random);
                    attend(planned, busy, volunteer, wednesdays, 0.85, random);
                    attend(planned, busy, volunteer, weekdays, 0.25, random);
                } else if (i <= 13) {
                    attend(planned, busy, volunteer, saturdays, 0.6, random);
                } else {
                    List<ActivityView> others = held.stream().filter(activity -> !regular.contains(activity)).toList();
                    for (int k = 0; k < 3 && !others.isEmpty(); k++) {
                        attend(planned, busy, volunteer, others.get(random.nextInt(others.size())), 0.7, random);
                    }
                }
            }
            if (demoVolunteer.isPresent() && district.name().equals("龙亭区")) {
                attend(planned, busy, demoVolunteer.get(), saturdays, 0.7, random);
            }
        }
        planned.forEach((volunteer, drafts) -> {
            drafts.sort(Comparator.comparing(EntryDraft::servedFrom));
            ledger.appendHistory(volunteer, drafts);
        });
    }

    /** Credits the volunteer for each shift of the activity with probability {@code share}, never twice for a time. */
    private void attend(Map<Long, List<EntryDraft>> planned, Map<Long, List<Instant[]>> busy, long volunteer,
            ActivityView activity, double share, Random random) {
        for (ShiftView shift : activity.shifts()) {
            if (random.nextDouble() >= share) {
                continue;
            }
            Instant start = shift.startsAt().toInstant();
            Instant end = shift.endsAt().toInstant();
            // Most arrive a few minutes early and leave on time; some leave a little early.
            Instant in = start.minusSeconds(60L * random.nextInt(15));
            Instant out = end.minusSeconds(random.nextInt(5) == 0 ? 60L * (15 + random.nextInt(30)) : 0);
            ServiceTime.Interval served = serviceTime.clip(in, out, start, end);
            List<Instant[]> taken = busy.computeIfAbsent(volunteer, v -> new ArrayList<>());
            if (taken.stream().anyMatch(t -> t[0].isBefore(served.end()) && served.start().isBefore(t[1]))) {
                continue;
            }
            taken.add(new Instant[] {served.start(), served.end()});
            BigDecimal hours = serviceTime.credit(in, out, start, end);
            LocalDate day = served.start().atZone(Hours.CITY).toLocalDate();
            planned.computeIfAbsent(volunteer, v -> new ArrayList<>()).add(new EntryDraft(EntryKind.CREDIT, null,
                    activity.id(), activity.title(), shift.id(), activity.organisationId(), served.start(), served.end(),
                    day, hours, hours, null, "demo:" + shift.id() + ":" + volunteer, null));
        }
    }

    /** The regular service the activity demo holds in each district, by its title. */
    private static Optional<ActivityView> titled(List<ActivityView> held, String marker) {
        return held.stream().filter(activity -> activity.title().contains(marker)).findFirst();
    }

    /** The district's held activities of the past year, with their shifts. */
    private List<ActivityView> heldIn(Organisation district) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<ActivityView> held = new ArrayList<>();
        int page = 0;
        PageResult<ActivitySummary> found;
        do {
            found = search.find(new ActivitySearchQuery(district.id(), null, now.minusYears(1), now, null, null, null,
                    null, false), new PageRequest(page++, PageRequest.MAX_SIZE));
            found.items().forEach(summary -> {
                ActivityView activity = activities.get(summary.id());
                if (activity.backfilled()) {
                    held.add(activity);
                }
            });
        } while ((long) page * PageRequest.MAX_SIZE < found.total());
        return held;
    }

    private List<Long> membersOf(Organisation district) {
        Set<Long> members = new LinkedHashSet<>();
        for (long team : teams.activeTeamIdsWithin(district.path())) {
            teams.memberAccountIds(team).stream().map(AccountId::new).map(volunteers::idOfAccount)
                    .flatMap(Optional::stream).forEach(members::add);
        }
        return new ArrayList<>(members);
    }
}
