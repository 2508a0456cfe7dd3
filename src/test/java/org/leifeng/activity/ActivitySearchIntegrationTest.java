package org.leifeng.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leifeng.support.Problems.assertInvalidField;
import static org.leifeng.support.Problems.assertProblem;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Anyone finds published activities by place in the tree, category, dates, words, distance and free places. */
@LeifengTest
class ActivitySearchIntegrationTest {

    @Autowired
    TestClient client;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ActivityListingRefresh listingRefresh;

    ActivityFixture fixture;
    String admin;
    /** A word no other activity has: each test finds its own activities by it. */
    String word;

    @BeforeEach
    void setUp() {
        fixture = new ActivityFixture(client, jdbc);
        admin = client.adminToken();
        word = TestClient.unique("w");
    }

    @Test
    void listsPublishedAndCompletedActivitiesButNeverDraftsOrCancelledOnes() {
        long published = create(body("已发布", fixture.organisation("龙亭区"), ActivityFixture.freshDay(), 10), true);
        create(body("草稿", fixture.organisation("龙亭区"), ActivityFixture.freshDay(), 10), false);
        long cancelled = create(body("已取消", fixture.organisation("龙亭区"), ActivityFixture.freshDay(), 10), true);
        assertThat(client.post("/api/v1/activities/" + cancelled + "/cancel", admin, null).status()).isEqualTo(200);

        assertThat(ids(search("q=" + word))).containsExactly(published);
    }

    @Test
    void findsActivitiesByChineseWordsOfTheTitleAndEnglishWordsOfTheDescriptionIgnoringCase() {
        String chinese = chinese();
        Map<String, Object> titled = body("修缮" + chinese + "古城墙", fixture.organisation("龙亭区"), ActivityFixture.freshDay(), 10);
        long byTitle = create(titled, true);
        Map<String, Object> described = body("社区服务", fixture.organisation("龙亭区"), ActivityFixture.freshDay(), 10);
        described.put("description", "Repair the old city wall, " + word + "Clean-up");
        long byDescription = create(described, true);

        assertThat(ids(search("q=" + TestClient.encode(chinese)))).containsExactly(byTitle);
        assertThat(ids(search("q=" + word.toUpperCase() + "CLEAN"))).containsExactly(byDescription);
        assertThat(ids(search("q=" + TestClient.encode("100%" + word)))).isEmpty();
    }

    @Test
    void anOrganisationFindsTheActivitiesOfItsWholeSubtreeOnly() {
        long street = create(body("街道", fixture.organisation("北书店街道"), ActivityFixture.freshDay(), 10), true);
        long otherDistrict = create(body("鼓楼", fixture.organisation("鼓楼区"), ActivityFixture.freshDay(), 10), true);

        assertThat(ids(search("q=" + word + "&organisationId=" + fixture.organisation("龙亭区")))).containsExactly(street);
        assertThat(ids(search("q=" + word + "&organisationId=" + fixture.organisation("鼓楼区")))).containsExactly(otherDistrict);
        assertThat(ids(search("q=" + word + "&organisationId=" + cityId())))
                .containsExactlyInAnyOrder(street, otherDistrict);
        assertProblem(client.get("/api/v1/activities?organisationId=999999999", null), 404);
    }

    @Test
    void aCategoryFindsOnlyActivitiesOfThatCategory() {
        Map<String, Object> health = body("义诊", fixture.organisation("龙亭区"), ActivityFixture.freshDay(), 10);
        health.put("category", "HEALTH");
        long healthId = create(health, true);
        create(body("社区", fixture.organisation("龙亭区"), ActivityFixture.freshDay(), 10), true);

        JsonNode found = search("q=" + word + "&category=HEALTH");
        assertThat(ids(found)).containsExactly(healthId);
        assertThat(found.get("items").get(0).get("category").asString()).isEqualTo("HEALTH");
    }

    @Test
    void withoutWordsTheCategoryAndSubtreeFiltersFollowAnActivitysChangedCategory() {
        OffsetDateTime day = ActivityFixture.freshDay();
        Map<String, Object> health = body("义诊", fixture.organisation("北书店街道"), day, 10);
        health.put("category", "HEALTH");
        long healthId = create(health, true);
        long otherDistrict = create(body("鼓楼", fixture.organisation("鼓楼区"), day, 10), true);
        // The day is this test's own: with it, the searches below see only its activities, and no word is given,
        // so the listing alone answers them.
        String onTheDay = "from=" + TestClient.encode(day.toString()) + "&to=" + TestClient.encode(day.plusHours(1).toString());
        String district = "&organisationId=" + fixture.organisation("龙亭区");

        assertThat(ids(search(onTheDay))).containsExactlyInAnyOrder(healthId, otherDistrict);
        JsonNode found = search(onTheDay + "&category=HEALTH");
        assertThat(ids(found)).containsExactly(healthId);
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(ids(search(onTheDay + district))).containsExactly(healthId);
        assertThat(ids(search(onTheDay + district + "&category=COMMUNITY"))).isEmpty();

        Map<String, Object> change = new HashMap<>(Map.of("title", "义诊 " + word, "category", "ELDERLY",
                "approval", "AUTO"));
        TestClient.Answer changed = client.patch("/api/v1/activities/" + healthId, admin, change);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        assertThat(ids(search(onTheDay + "&category=HEALTH"))).isEmpty();
        assertThat(ids(search(onTheDay + district + "&category=ELDERLY"))).containsExactly(healthId);
    }

    @Test
    void aCategoryAloneListsOnlyThatCategoryAndCountsAllOfIt() {
        create(body("文化", fixture.organisation("龙亭区"), ActivityFixture.freshDay(), 10), true);

        JsonNode found = search("category=COMMUNITY&size=100");
        assertThat(found.get("items")).isNotEmpty();
        found.get("items").forEach(item -> assertThat(item.get("category").asString()).isEqualTo("COMMUNITY"));
        assertThat(found.get("total").asLong()).isEqualTo(jdbc.sql("""
                SELECT count(*) FROM activity WHERE category = 'COMMUNITY' AND status IN ('PUBLISHED', 'COMPLETED')""")
                .query(Long.class).single());
    }

    @Test
    void aTotalKeptBetweenSearchesChangesTheMomentWhatItCountsChanges() {
        OffsetDateTime day = ActivityFixture.freshDay();
        String onTheDay = "from=" + TestClient.encode(day.toString()) + "&to=" + TestClient.encode(day.plusHours(1).toString());
        long first = create(body("甲", fixture.organisation("龙亭区"), day, 10), true);
        long second = create(body("乙", fixture.organisation("龙亭区"), day, 10), false);
        assertThat(total("q=" + word)).isEqualTo(1);
        assertThat(total(onTheDay)).isEqualTo(1);

        assertThat(client.post("/api/v1/activities/" + second + "/publish", admin, null).status()).isEqualTo(200);
        assertThat(total("q=" + word)).as("published").isEqualTo(2);
        assertThat(total(onTheDay)).as("published").isEqualTo(2);

        TestClient.Answer renamed = client.patch("/api/v1/activities/" + second, admin,
                new HashMap<>(Map.of("title", "乙", "category", "COMMUNITY", "approval", "AUTO")));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(total("q=" + word)).as("the word left the title").isEqualTo(1);

        assertThat(client.post("/api/v1/activities/" + first + "/cancel", admin, null).status()).isEqualTo(200);
        assertThat(total("q=" + word)).as("cancelled").isZero();
        assertThat(total(onTheDay)).as("cancelled").isEqualTo(1);
    }

    private long total(String query) {
        return search(query).get("total").asLong();
    }

    @Test
    void aDateRangeFindsActivitiesWithAShiftOverlappingIt() {
        OffsetDateTime day = ActivityFixture.freshDay();
        long morning = create(body("上午", fixture.organisation("龙亭区"), day, 10), true);
        long nextDay = create(body("次日", fixture.organisation("龙亭区"), day.plusDays(1), 10), true);

        String endOfFirstShift = TestClient.encode(day.plusHours(1).toString());
        String evening = TestClient.encode(day.plusHours(10).toString());
        assertThat(ids(search("q=" + word + "&from=" + endOfFirstShift + "&to=" + evening))).containsExactly(morning);
        assertThat(ids(search("q=" + word + "&from=" + evening))).containsExactly(nextDay);
        assertThat(ids(search("q=" + word + "&to=" + evening))).containsExactly(morning);
        assertThat(ids(search("q=" + word + "&from=" + TestClient.encode(day.plusHours(2).toString())
                + "&to=" + TestClient.encode(day.plusHours(3).toString())))).isEmpty();
    }

    @Test
    void nearAPointTheClosestComeFirstWithTheirDistance() {
        OffsetDateTime day = ActivityFixture.freshDay();
        long far = create(at(body("远", fixture.organisation("龙亭区"), day, 10), 34.90, 114.35), true);
        long near = create(at(body("近", fixture.organisation("龙亭区"), day, 10), 34.80, 114.35), true);
        long middle = create(at(body("中", fixture.organisation("龙亭区"), day, 10), 34.85, 114.35), true);

        JsonNode found = search("q=" + word + "&lat=34.79&lon=114.35");
        assertThat(ids(found)).containsExactly(near, middle, far);
        long nearest = found.get("items").get(0).get("distanceMeters").asLong();
        assertThat(nearest).isBetween(1_100L, 1_125L);
        assertThat(ids(search("q=" + word + "&lat=34.79&lon=114.35&withinMeters=7000"))).containsExactly(near, middle);
        JsonNode withoutPoint = search("q=" + word).get("items").get(0).get("distanceMeters");
        assertThat(withoutPoint == null || withoutPoint.isNull()).as("distance without a point").isTrue();
    }

    @Test
    void nearAPointWithoutWordsTheTotalCountsOnlyActivitiesWithAPlaceAndFollowsAChangedPlace() {
        OffsetDateTime day = ActivityFixture.freshDay();
        long located = create(at(body("有地点", fixture.organisation("龙亭区"), day, 10), 34.80, 114.35), true);
        Map<String, Object> nowhere = body("无地点", fixture.organisation("龙亭区"), day, 10);
        nowhere.remove("place");
        long unlocated = create(nowhere, true);
        String nearOnTheDay = "lat=34.79&lon=114.35&from=" + TestClient.encode(day.toString()) + "&to="
                + TestClient.encode(day.plusHours(1).toString());

        JsonNode found = search(nearOnTheDay);
        assertThat(ids(found)).containsExactly(located);
        assertThat(found.get("total").asLong()).isEqualTo(1);

        Map<String, Object> placed = new HashMap<>(Map.of("title", "无地点 " + word, "category", "COMMUNITY",
                "approval", "AUTO", "place", Map.of("address", "开封市", "lat", 34.81, "lon", 114.35, "radiusMeters", 300)));
        TestClient.Answer changed = client.patch("/api/v1/activities/" + unlocated, admin, placed);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        JsonNode both = search(nearOnTheDay);
        assertThat(ids(both)).containsExactly(located, unlocated);
        assertThat(both.get("total").asLong()).isEqualTo(2);
    }

    @Test
    void hasFreePlacesKeepsActivitiesWithAFreePlaceInAnOpenFutureShift() {
        OffsetDateTime day = ActivityFixture.freshDay();
        long full = create(body("满员", fixture.organisation("龙亭区"), day, 1), true);
        long open = create(body("有空位", fixture.organisation("龙亭区"), day, 5), true);
        long fullShift = client.get("/api/v1/activities/" + full, null).json().get("shifts").get(0).get("id").asLong();
        ActivityFixture.Volunteer volunteer = fixture.volunteer();
        assertThat(client.post("/api/v1/shifts/" + fullShift + "/signups", volunteer.token(), null).status()).isEqualTo(201);

        JsonNode found = search("q=" + word + "&hasFreePlaces=true");
        assertThat(ids(found)).containsExactly(open);
        assertThat(found.get("items").get(0).get("freePlaces").asLong()).isEqualTo(5);
        assertThat(ids(search("q=" + word))).containsExactlyInAnyOrder(full, open);
    }

    @Test
    void anActivityLeavesAndRejoinsTheFreePlacesFilterAsItsLastPlaceIsTakenAndFreed() {
        long activity = create(body("最后一个名额", fixture.organisation("龙亭区"), ActivityFixture.freshDay(), 1), true);
        long shift = client.get("/api/v1/activities/" + activity, null).json().get("shifts").get(0).get("id").asLong();
        ActivityFixture.Volunteer volunteer = fixture.volunteer();
        TestClient.Answer signedUp = client.post("/api/v1/shifts/" + shift + "/signups", volunteer.token(), null);
        assertThat(signedUp.status()).isEqualTo(201);
        assertThat(ids(search("q=" + word + "&hasFreePlaces=true"))).isEmpty();

        assertThat(client.delete("/api/v1/signups/" + signedUp.id(), volunteer.token()).status()).isEqualTo(200);

        assertThat(ids(search("q=" + word + "&hasFreePlaces=true"))).containsExactly(activity);
    }

    @Test
    void whenTheNextShiftBeginsTheOrderMovesOnToTheFollowingOne() {
        OffsetDateTime day = ActivityFixture.freshDay();
        Map<String, Object> twoShifts = body("两班", fixture.organisation("龙亭区"), day, 10);
        twoShifts.put("shifts", List.of(
                Map.of("startsAt", day.toString(), "endsAt", day.plusHours(2).toString(), "capacity", 10),
                Map.of("startsAt", day.plusDays(2).toString(), "endsAt", day.plusDays(2).plusHours(2).toString(),
                        "capacity", 10)));
        long moving = create(twoShifts, true);
        long between = create(body("中间", fixture.organisation("龙亭区"), day.plusDays(1), 10), true);
        assertThat(ids(search("q=" + word))).containsExactly(moving, between);

        // As if the first shift had begun without any write to the shift: only time passed.
        jdbc.sql("UPDATE activity_listing SET next_shift_at = now() - interval '1 minute' WHERE activity_id = :id")
                .param("id", moving).update();
        listingRefresh.refreshStartedShifts();

        assertThat(jdbc.sql("SELECT next_shift_at FROM activity_listing WHERE activity_id = :id").param("id", moving)
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(day.toInstant());
    }

    @Test
    void longerChineseQueriesMatchOnlyTheExactRunOfCharacters() {
        // Both titles hold every pair of characters of 空巢老人; only the first holds the run itself.
        long exact = create(body("关爱空巢老人", fixture.organisation("龙亭区"), ActivityFixture.freshDay(), 10), true);
        create(body("空巢和巢老和老人", fixture.organisation("龙亭区"), ActivityFixture.freshDay(), 10), true);

        assertThat(ids(search("q=" + TestClient.encode("空巢老人 " + word)))).containsExactly(exact);
        assertThat(ids(search("q=" + TestClient.encode("巢") + "&organisationId=" + fixture.organisation("龙亭区")
                + "&size=200"))).contains(exact);
    }

    @Test
    void itemsComeNextShiftFirstInPagesOfTheUsualShape() {
        OffsetDateTime day = ActivityFixture.freshDay();
        long later = create(body("后", fixture.organisation("龙亭区"), day.plusDays(1), 10), true);
        long sooner = create(body("先", fixture.organisation("龙亭区"), day, 10), true);

        JsonNode first = search("q=" + word + "&size=1");
        assertThat(ids(first)).containsExactly(sooner);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(1);
        assertThat(first.get("total").asLong()).isEqualTo(2);
        JsonNode item = first.get("items").get(0);
        assertThat(item.get("organisationName").asString()).isEqualTo("龙亭区");
        assertThat(OffsetDateTime.parse(item.get("nextShiftAt").asString()).toInstant()).isEqualTo(day.toInstant());
        assertThat(item.get("lat").asDouble()).isEqualTo(34.80);
        assertThat(ids(search("q=" + word + "&size=1&page=1"))).containsExactly(later);
        JsonNode beyond = search("q=" + word + "&size=1&page=5");
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("total").asLong()).isEqualTo(2);
    }

    @Test
    void badFiltersAreRefusedAs400NamingTheField() {
        assertInvalidField(client.get("/api/v1/activities?category=PICNIC", null), "category");
        assertInvalidField(client.get("/api/v1/activities?from=yesterday", null), "from");
        assertInvalidField(client.get("/api/v1/activities?lat=91&lon=114.3", null), "lat");
        assertInvalidField(client.get("/api/v1/activities?lat=34.8", null), "lon");
        assertInvalidField(client.get("/api/v1/activities?lat=34.8&lon=181", null), "lon");
        assertInvalidField(client.get("/api/v1/activities?from=" + TestClient.encode("2027-03-05T10:00:00+08:00")
                + "&to=" + TestClient.encode("2027-03-05T09:00:00+08:00"), null), "to");
        assertInvalidField(client.get("/api/v1/activities?withinMeters=500", null), "withinMeters");
        assertInvalidField(client.get("/api/v1/activities?size=500", null), "size");
    }

    private JsonNode search(String query) {
        TestClient.Answer answer = client.get("/api/v1/activities?" + query, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private Map<String, Object> body(String title, long organisationId, OffsetDateTime start, int capacity) {
        Map<String, Object> body = fixture.activity(start, capacity);
        body.put("title", title + " " + word);
        body.put("organisationId", organisationId);
        return body;
    }

    private static Map<String, Object> at(Map<String, Object> body, double lat, double lon) {
        body.put("place", Map.of("address", "开封市", "lat", lat, "lon", lon, "radiusMeters", 300));
        return body;
    }

    private long create(Map<String, Object> body, boolean publish) {
        TestClient.Answer created = client.post("/api/v1/activities", admin, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        if (publish) {
            assertThat(client.post("/api/v1/activities/" + created.id() + "/publish", admin, null).status()).isEqualTo(200);
        }
        return created.id();
    }

    private long cityId() {
        return jdbc.sql("SELECT id FROM organisation WHERE parent_id IS NULL").query(Long.class).single();
    }

    /** The unique word in Chinese characters, so a Chinese query matches this test's activity only. */
    private String chinese() {
        StringBuilder out = new StringBuilder();
        word.chars().filter(Character::isDigit).forEach(digit -> out.append("零一二三四五六七八九".charAt(digit - '0')));
        return out.toString();
    }
}
