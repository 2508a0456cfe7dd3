package org.leifeng.activity;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.leifeng.organisation.Organisation;
import org.leifeng.organisation.OrganisationType;
import org.leifeng.organisation.Organisations;
import org.leifeng.platform.DemoDataContributor;
import org.springframework.stereotype.Component;

/**
 * Regular service (常态化) of the past year in every district, held and recorded: the Saturday-morning community
 * service, the Wednesday-evening visits to the elderly, and the weekday-morning traffic civility posts. They give the
 * demo volunteers a year of truthful hours (the hours module's demo credits attendance at them), so the city has
 * one-, two- and three-star volunteers as a real one would.
 */
@Component
class KaifengRegularServiceDemo implements DemoDataContributor {

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final ActivityStore activities;
    private final Organisations organisations;
    private final Clock clock;

    KaifengRegularServiceDemo(ActivityStore activities, Organisations organisations, Clock clock) {
        this.activities = activities;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "activity.kaifeng-regular";
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public void load() {
        Random random = new Random(19630305L);
        LocalDate today = LocalDate.now(clock.withZone(CITY_ZONE));
        for (Organisation district : organisations.activeChildren(organisations.cityId())) {
            if (district.type() != OrganisationType.DISTRICT || !KaifengPlaces.DISTRICTS.containsKey(district.name())) {
                continue;
            }
            KaifengPlaces.Place place = KaifengPlaces.pick(random, district.name());
            held(district, place, district.name() + "社区常态化志愿服务（每周六上午）", Category.COMMUNITY,
                    "每周六上午在社区开展环境整治、便民服务。Every Saturday morning: community clean-up and help.",
                    shifts(today, List.of(DayOfWeek.SATURDAY), LocalTime.of(8, 30), 4, 30));
            held(district, place, district.name() + "关爱空巢老人周三晚间探访", Category.ELDERLY,
                    "每周三晚上探访辖区空巢老人，陪伴聊天、检查水电。Wednesday-evening visits to elderly people living alone.",
                    shifts(today, List.of(DayOfWeek.WEDNESDAY), LocalTime.of(19, 0), 3, 20));
            held(district, place, district.name() + "文明交通劝导岗（工作日早高峰）", Category.TRAFFIC,
                    "工作日早高峰在路口劝导文明出行。Weekday rush-hour traffic civility posts.",
                    shifts(today, List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                            DayOfWeek.FRIDAY), LocalTime.of(7, 0), 2, 10));
        }
    }

    /** The past 52 weeks' shifts on these days, ending before today. */
    private static List<NewShift> shifts(LocalDate today, List<DayOfWeek> days, LocalTime start, int hours, int places) {
        List<NewShift> shifts = new ArrayList<>();
        for (LocalDate day = today.minusWeeks(52); day.isBefore(today); day = day.plusDays(1)) {
            if (days.contains(day.getDayOfWeek())) {
                ZonedDateTime at = day.atTime(start).atZone(CITY_ZONE);
                shifts.add(new NewShift(at.toOffsetDateTime(), at.plusHours(hours).toOffsetDateTime(), places, null));
            }
        }
        return shifts;
    }

    private void held(Organisation district, KaifengPlaces.Place place, String title, Category category,
            String description, List<NewShift> shifts) {
        NewActivity activity = new NewActivity(title, category, district.id(), null, description,
                new NewActivity.Place(place.address(), place.lat(), place.lon(), 300), null, null, List.of(), false,
                false, null, null, Approval.AUTO, false, null, shifts);
        long id = activities.insert(activity, true, null);
        shifts.forEach(shift -> activities.insertShift(id, shift));
        activities.transition(id, ActivityStatus.DRAFT, ActivityStatus.PUBLISHED);
        activities.transition(id, ActivityStatus.PUBLISHED, ActivityStatus.COMPLETED);
    }
}
