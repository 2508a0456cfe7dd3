package org.leifeng.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.leifeng.identity.AccountId;
import org.leifeng.organisation.Organisation;
import org.leifeng.organisation.OrganisationType;
import org.leifeng.organisation.Organisations;
import org.leifeng.organisation.TeamSummary;
import org.leifeng.organisation.Teams;
import org.leifeng.platform.DemoDataContributor;
import org.leifeng.volunteer.Volunteers;
import org.springframework.stereotype.Component;

/**
 * About 300 activities of the demo city: half held over the past year (back-filled, COMPLETED), half planned for
 * the next two months (PUBLISHED), in every district and every category, a few under manual approval or for one
 * team only; and the coming 5 March (学雷锋纪念日, Henan Volunteer Day) as one large event of 50 shifts of 200
 * places. Some team members have signed up for upcoming shifts. Written through the stores, as nobody is signed in
 * while the demo loads; places are still claimed by the same conditional counter update as any sign-up.
 */
@Component
class KaifengActivitiesDemo implements DemoDataContributor {

    static final int ACTIVITIES = 300;
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String[] LEI_FENG_DAY_POSITIONS = {"引导员", "医疗保障", "环境保洁", "秩序维护", "宣传服务"};

    private final ActivityStore activities;
    private final SignupStore signups;
    private final Organisations organisations;
    private final Teams teams;
    private final Volunteers volunteers;
    private final Clock clock;

    KaifengActivitiesDemo(ActivityStore activities, SignupStore signups, Organisations organisations, Teams teams,
            Volunteers volunteers, Clock clock) {
        this.activities = activities;
        this.signups = signups;
        this.organisations = organisations;
        this.teams = teams;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "activity.kaifeng";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void load() {
        Random random = new Random(19630305L);
        List<Organisation> districts = organisations.activeChildren(organisations.cityId()).stream()
                .filter(organisation -> organisation.type() == OrganisationType.DISTRICT
                        && KaifengPlaces.DISTRICTS.containsKey(organisation.name()))
                .toList();
        if (districts.isEmpty()) {
            return;
        }
        Set<Long> signedUp = new HashSet<>();
        LocalDate today = LocalDate.now(clock.withZone(CITY_ZONE));
        for (int i = 0; i < ACTIVITIES; i++) {
            Organisation district = districts.get(i % districts.size());
            Category category = Category.values()[(i / districts.size()) % Category.values().length];
            boolean past = i % 2 == 0;
            LocalDate day = past ? today.minusDays(1 + random.nextInt(364)) : today.plusDays(1 + random.nextInt(60));
            plan(random, district, category, day, past, i, signedUp);
        }
        leiFengDay(random, today, districts, signedUp);
    }

    private void plan(Random random, Organisation district, Category category, LocalDate day, boolean past, int i,
            Set<Long> signedUp) {
        KaifengPlaces.Place place = KaifengPlaces.pick(random, district.name());
        List<Long> within = organisations.idsWithin(List.of(district.path()));
        long organisationId = within.get(random.nextInt(within.size()));
        Optional<TeamSummary> team = !past && i % 25 == 1 ? districtTeam(district) : Optional.empty();
        if (team.isPresent()) {
            organisationId = team.get().organisationId();
        }
        Approval approval = !past && i % 10 == 3 ? Approval.MANUAL : Approval.AUTO;
        List<NewShift> shifts = new ArrayList<>();
        int days = 1 + random.nextInt(3);
        for (int d = 0; d < days; d++) {
            int hour = 8 + random.nextInt(9);
            ZonedDateTime start = (past ? day.minusDays(d * 7L) : day.plusDays(d * 7L)).atTime(hour, random.nextBoolean() ? 0 : 30).atZone(CITY_ZONE);
            shifts.add(new NewShift(start.toOffsetDateTime(), start.plusHours(2 + random.nextInt(3)).toOffsetDateTime(),
                    5 + random.nextInt(26), null));
        }
        if (past && shifts.stream().anyMatch(shift -> !shift.endsAt().isBefore(OffsetDateTime.now(clock)))) {
            return;
        }
        if (!past && shifts.get(0).startsAt().isBefore(OffsetDateTime.now(clock))) {
            return;
        }
        NewActivity activity = new NewActivity(KaifengPlaces.title(random, category, place), category, organisationId,
                team.map(TeamSummary::teamId).orElse(null), KaifengPlaces.description(category, place),
                new NewActivity.Place(place.address(), place.lat(), place.lon(), 300), null, null, List.of(), false,
                team.isPresent(), null, null, approval, true, new NewActivity.Contact("志愿服务站", "0371-2356" + (1000 + i)),
                shifts);
        long id = create(activity, past);
        if (!past) {
            List<Long> candidates = team.map(t -> volunteersOf(t.teamId()))
                    .orElseGet(() -> teams.activeTeamIdsWithin(district.path()).stream().flatMap(t -> volunteersOf(t).stream()).toList());
            SignupStatus as = approval == Approval.AUTO ? SignupStatus.CONFIRMED : SignupStatus.PENDING;
            activities.shiftsOf(id).forEach(shift -> signUp(shift.id(), candidates, 1 + random.nextInt(4), as, signedUp));
        }
    }

    /** The next 5 March: one city-wide event, ten hourly slots for each of five positions, 200 places each. */
    private void leiFengDay(Random random, LocalDate today, List<Organisation> districts, Set<Long> signedUp) {
        LocalDate day = LocalDate.of(today.getYear(), 3, 5);
        day = day.isAfter(today) ? day : day.plusYears(1);
        List<NewShift> shifts = new ArrayList<>();
        for (String position : LEI_FENG_DAY_POSITIONS) {
            for (int hour = 8; hour < 18; hour++) {
                ZonedDateTime start = day.atTime(hour, 0).atZone(CITY_ZONE);
                shifts.add(new NewShift(start.toOffsetDateTime(), start.plusHours(1).toOffsetDateTime(), 200, position));
            }
        }
        NewActivity event = new NewActivity(day.getYear() + "年“学雷锋纪念日”暨河南省志愿服务日广场志愿服务活动",
                Category.EVENTS, organisations.cityId(), null,
                "3月5日学雷锋纪念日，全市志愿者齐聚鼓楼广场，开展便民服务、义诊、文明引导和环境保洁。Lei Feng Day: the whole "
                        + "city serves together on Gulou Square.",
                new NewActivity.Place("开封市鼓楼区鼓楼广场", 34.7936, 114.3480, 500), null, null, List.of(), false,
                false, null, null, Approval.AUTO, true, new NewActivity.Contact("开封市志愿服务联合会", "0371-23561963"),
                shifts);
        long id = create(event, false);
        List<Long> candidates = districts.stream().flatMap(district -> teams.activeTeamIdsWithin(district.path()).stream())
                .flatMap(team -> volunteersOf(team).stream()).toList();
        activities.shiftsOf(id).forEach(shift -> signUp(shift.id(), candidates, 5 + random.nextInt(10),
                SignupStatus.CONFIRMED, signedUp));
    }

    private long create(NewActivity activity, boolean backfilled) {
        long id = activities.insert(activity, backfilled, null);
        activity.shifts().forEach(shift -> activities.insertShift(id, shift));
        activities.transition(id, ActivityStatus.DRAFT, ActivityStatus.PUBLISHED);
        if (backfilled) {
            activities.transition(id, ActivityStatus.PUBLISHED, ActivityStatus.COMPLETED);
        }
        return id;
    }

    /** Up to {@code count} volunteers not signed up anywhere yet, so no demo sign-ups overlap. */
    private void signUp(long shiftId, List<Long> candidates, int count, SignupStatus as, Set<Long> signedUp) {
        int taken = 0;
        for (long volunteer : candidates) {
            if (taken == count) {
                return;
            }
            if (!signedUp.contains(volunteer)) {
                if (!signups.claimPlace(shiftId, as)) {
                    return;
                }
                signups.insert(shiftId, volunteer, as, null, null);
                signedUp.add(volunteer);
                taken++;
            }
        }
    }

    private List<Long> volunteersOf(long teamId) {
        return teams.memberAccountIds(teamId).stream().map(AccountId::new).map(volunteers::idOfAccount)
                .flatMap(Optional::stream).toList();
    }

    /** A team of the district whose leader runs it, with the organisation it belongs to. */
    private Optional<TeamSummary> districtTeam(Organisation district) {
        return teams.activeTeamIdsWithin(district.path()).stream().findFirst()
                .flatMap(team -> teams.memberAccountIds(team).stream().findFirst()
                        .flatMap(member -> teams.teamsOf(member).stream().filter(t -> t.teamId() == team).findFirst()));
    }
}
