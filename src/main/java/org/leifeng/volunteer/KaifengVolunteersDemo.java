package org.leifeng.volunteer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.leifeng.identity.Accounts;
import org.leifeng.identity.Grant;
import org.leifeng.identity.Role;
import org.leifeng.organisation.Organisation;
import org.leifeng.organisation.OrganisationType;
import org.leifeng.organisation.Organisations;
import org.leifeng.organisation.Teams;
import org.leifeng.platform.DemoDataContributor;
import org.leifeng.platform.Masking;
import org.leifeng.platform.PersonalData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * About 2,000 generated volunteers spread over Kaifeng's districts and counties. Their resident ID numbers carry the
 * real area code of their district and a correct check character, but belong to nobody: birth dates and sequence
 * numbers are drawn at random (with a fixed seed, so every demo city is the same). They all sign in with the demo
 * password; their usernames are their (random) mobile numbers, except the first, whose number the README names.
 * About a third of them serve in their district's demo teams. They registered over the past years (see
 * {@link #registrationTimes}), not on the day the demo city was loaded.
 */
@Component
class KaifengVolunteersDemo implements DemoDataContributor {

    static final int VOLUNTEERS = 2_000;
    /** The demo volunteer whose phone the README names, so people can try the volunteer's pages. */
    static final String SIGN_IN_PHONE = "13800138000";
    private static final Map<String, String> AREA_CODES = Map.of("龙亭区", "410202", "顺河回族区", "410203",
            "鼓楼区", "410204", "禹王台区", "410205", "祥符区", "410212", "杞县", "410221", "通许县", "410222",
            "尉氏县", "410223", "兰考县", "410225");
    private static final String[] SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
            + "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文").split("");
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
            "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "华", "红", "玉兰", "志强", "海燕",
            "晨阳", "思雨", "子涵", "浩然", "梓萱", "宇轩", "欣怡", "俊杰", "雨桐", "佳琪", "建国", "淑珍", "国强", "丽娟",
            "春梅", "德明", "凤英", "振华", "嘉怡", "博文"};
    private static final String[] SKILLS = {"FIRST_AID", "NURSING", "TUTORING", "COUNSELLING", "LEGAL_AID",
            "PHOTOGRAPHY", "DRIVING", "IT", "ELDERLY_CARE", "CHILD_CARE", "PERFORMING_ARTS", "REPAIRS",
            "EVENT_ORGANISING", "RESCUE", "ENVIRONMENT"};
    private static final String[] TAGS = {"党员", "大学生", "退休教师", "青年突击队", "巾帼志愿者"};

    private final Accounts accounts;
    private final Organisations organisations;
    private final VolunteerStore store;
    private final PersonalData personalData;
    private final VolunteerSettings settings;
    private final String demoPassword;
    private final Teams teams;

    KaifengVolunteersDemo(Accounts accounts, Organisations organisations, VolunteerStore store,
            PersonalData personalData, VolunteerSettings settings, Teams teams,
            @Value("${leifeng.demo-password:Leifeng-demo-2026}") String demoPassword) {
        this.teams = teams;
        this.accounts = accounts;
        this.organisations = organisations;
        this.store = store;
        this.personalData = personalData;
        this.settings = settings;
        this.demoPassword = demoPassword;
    }

    @Override
    public String key() {
        return "volunteer.kaifeng";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void load() {
        Random random = new Random(20230306L);
        LocalDate today = LocalDate.now(Volunteers.CITY_ZONE);
        List<Organisation> districts = organisations.activeChildren(organisations.cityId()).stream()
                .filter(organisation -> organisation.type() == OrganisationType.DISTRICT
                        && AREA_CODES.containsKey(organisation.name()))
                .toList();
        if (districts.isEmpty()) {
            return;
        }
        Set<String> usedNumbers = new HashSet<>();
        Set<String> usedPhones = new HashSet<>(Set.of(SIGN_IN_PHONE));
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < VOLUNTEERS; i++) {
            Organisation district = districts.get(i % districts.size());
            List<Long> places = organisations.idsWithin(List.of(district.path()));
            String phone = i == 0 ? SIGN_IN_PHONE : phone(random, usedPhones);
            people.add(new Person(name(random), residentId(random, AREA_CODES.get(district.name()), today, usedNumbers),
                    phone, places.get(random.nextInt(places.size()))));
        }
        List<Long> accountIds = accounts.provisionBatch(people.stream().map(Person::phone).toList(), demoPassword,
                people.stream().map(person -> List.of(new Grant(Role.VOLUNTEER, person.organisationId()))).toList());
        OffsetDateTime now = OffsetDateTime.now();
        List<Long> volunteerIds = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            ResidentIdNumber id = ResidentIdNumber.parse(person.idNumber(), today);
            List<String> tags = random.nextInt(4) == 0 ? List.of(TAGS[random.nextInt(TAGS.length)]) : List.of();
            long volunteerId = store.insert(new VolunteerStore.NewVolunteer(accountIds.get(i),
                    VolunteerNumber.issue(settings.numberPrefix(), store.nextSerial()), person.organisationId(),
                    person.name(), IdType.RESIDENT_ID, personalData.seal(id.value()),
                    personalData.blindIndex(Volunteers.ID_INDEX, IdType.RESIDENT_ID + ":" + id.value()),
                    Masking.documentNumber(id.value()), personalData.seal(person.phone()),
                    personalData.blindIndex(Volunteers.PHONE_INDEX, person.phone()), Masking.phone(person.phone()),
                    id.birthDate(), id.sex(), tags, settings.consentVersion(), now));
            int skillCount = random.nextInt(4);
            Set<String> skills = new HashSet<>();
            for (int s = 0; s < skillCount; s++) {
                skills.add(SKILLS[random.nextInt(SKILLS.length)]);
            }
            store.replaceSkills(volunteerId, List.copyOf(skills));
            volunteerIds.add(volunteerId);
        }
        Set<Long> members = enrolSomeInTeams(random, districts, people, accountIds);
        store.setRegistrationTimes(registrationTimes(volunteerIds, accountIds, members, today));
    }

    /**
     * When each demo volunteer registered, drawn with a seed of its own (the other draws stay as they were). The demo
     * hours credit team members and the volunteer who signs in with {@link #SIGN_IN_PHONE} with service over the past
     * year: they registered between 13 months and four years ago, before any of it. The others, who have not served
     * yet, registered at any time in the past three years, a few of them in the last weeks.
     */
    private static Map<Long, OffsetDateTime> registrationTimes(List<Long> volunteerIds, List<Long> accountIds,
            Set<Long> members, LocalDate today) {
        Random random = new Random(20080512L);
        Map<Long, OffsetDateTime> registered = new HashMap<>();
        for (int i = 0; i < volunteerIds.size(); i++) {
            boolean serves = i == 0 || members.contains(accountIds.get(i));
            int daysAgo = serves ? 400 + random.nextInt(3 * 365 - 35) : 1 + random.nextInt(3 * 365);
            registered.put(volunteerIds.get(i), today.minusDays(daysAgo).atTime(8 + random.nextInt(14),
                    random.nextInt(60), random.nextInt(60)).atZone(Volunteers.CITY_ZONE).toOffsetDateTime());
        }
        return registered;
    }

    /** About a third of each district's volunteers serve in one of its teams; their account ids. */
    private Set<Long> enrolSomeInTeams(Random random, List<Organisation> districts, List<Person> people,
            List<Long> accountIds) {
        Set<Long> enrolled = new HashSet<>();
        for (int d = 0; d < districts.size(); d++) {
            List<Long> teamIds = teams.activeTeamIdsWithin(districts.get(d).path());
            if (teamIds.isEmpty()) {
                continue;
            }
            Map<Long, List<Long>> members = new HashMap<>();
            for (int i = d; i < people.size(); i += districts.size()) {
                if (random.nextInt(3) == 0) {
                    members.computeIfAbsent(teamIds.get(random.nextInt(teamIds.size())), team -> new ArrayList<>())
                            .add(accountIds.get(i));
                }
            }
            members.forEach(teams::enrolOnBehalfOfPlatform);
            members.values().forEach(enrolled::addAll);
        }
        return enrolled;
    }

    private static String name(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    /** An adult (18 to 75) born in the district, with a correct check character and never the same number twice. */
    static String residentId(Random random, String areaCode, LocalDate today, Set<String> used) {
        while (true) {
            LocalDate birth = today.minusYears(18 + random.nextInt(58)).minusDays(random.nextInt(365));
            String first17 = areaCode + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
            String number = first17 + ResidentIdNumber.checkCharacter(first17);
            if (used.add(number)) {
                return number;
            }
        }
    }

    private static String phone(Random random, Set<String> used) {
        String[] prefixes = {"130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "155", "158",
                "166", "176", "177", "180", "185", "187", "188", "199"};
        while (true) {
            String phone = prefixes[random.nextInt(prefixes.length)] + String.format("%08d", random.nextInt(100_000_000));
            if (used.add(phone)) {
                return phone;
            }
        }
    }

    private record Person(String name, String idNumber, String phone, long organisationId) {
    }
}
