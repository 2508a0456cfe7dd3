package org.leifeng.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.People;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Administrators find and see the volunteers of their own subtree only; full ID numbers only by an audited act. */
@LeifengTest
class VolunteerAdministrationIntegrationTest {

    @Autowired
    TestClient client;

    @Autowired
    JdbcClient jdbc;

    private long organisationNamed(String name) {
        return jdbc.sql("SELECT id FROM organisation WHERE name = :name ORDER BY id LIMIT 1").param("name", name)
                .query(Long.class).single();
    }

    private TestClient.Answer registerIn(String organisation, String name, String idNumber, String phone) {
        var body = People.registration(idNumber, phone);
        body.put("organisationId", organisationNamed(organisation));
        body.put("name", name);
        body.put("skills", List.of("SIGN_LANGUAGE"));
        TestClient.Answer answer = client.post("/api/v1/volunteers", null, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer;
    }

    @Test
    void aDistrictAdministratorSeesTheirVolunteersAndGets404ForOthers() {
        long ours = registerIn("北书店街道", "龙亭测试", People.adultId(), TestClient.uniquePhone()).id();
        long theirs = registerIn("相国寺街道", "鼓楼测试", People.adultId(), TestClient.uniquePhone()).id();
        String longting = client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);

        assertThat(client.get("/api/v1/volunteers/" + ours, longting).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/volunteers/" + theirs, longting).status()).isEqualTo(404);
        assertThat(client.get("/api/v1/volunteers/" + theirs, client.adminToken()).status()).isEqualTo(200);

        TestClient.Answer list = client.get("/api/v1/volunteers?size=200&skill=SIGN_LANGUAGE", longting);
        assertThat(list.json().get("items").valueStream().map(item -> item.get("id").asLong()).toList())
                .contains(ours).doesNotContain(theirs);
        long gulouDistrict = organisationNamed("鼓楼区");
        assertThat(client.get("/api/v1/volunteers?organisationId=" + gulouDistrict, longting).status()).isEqualTo(404);
    }

    @Test
    void anotherVolunteerCannotReadAProfile() {
        long first = registerIn("大院街道", "甲", People.adultId(), TestClient.uniquePhone()).id();
        String secondPhone = TestClient.uniquePhone();
        registerIn("大院街道", "乙", People.adultId(), secondPhone);
        String second = client.tokenFor(secondPhone, "volunteer-pass-1");
        assertThat(client.get("/api/v1/volunteers/" + first, second).status()).isEqualTo(404);
        assertThat(client.get("/api/v1/volunteers?size=5", second).json().get("total").asLong()).isZero();
    }

    @Test
    void findsVolunteersByNumberExactPhoneNamePrefixAndSkill() {
        String phone = TestClient.uniquePhone();
        String name = "搜索" + uniqueChineseName();
        TestClient.Answer registered = registerIn("午朝门街道", name, People.adultId(), phone);
        String admin = client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);
        long id = registered.id();

        assertThat(ids(client.get("/api/v1/volunteers?phone=" + phone, admin))).containsExactly(id);
        assertThat(ids(client.get("/api/v1/volunteers?phone=" + phone.substring(0, 10), admin))).isEmpty();
        assertThat(ids(client.get("/api/v1/volunteers?number=" + registered.json().get("volunteerNumber").asString(), admin)))
                .containsExactly(id);
        assertThat(ids(client.get("/api/v1/volunteers?q=" + URLEncoder.encode(name.substring(0, 3),
                StandardCharsets.UTF_8), admin))).contains(id);
        TestClient.Answer page = client.get("/api/v1/volunteers?size=1&page=0", admin);
        assertThat(page.json().get("size").asInt()).isEqualTo(1);
        assertThat(page.json().get("total").asLong()).isGreaterThan(1);
    }

    @Test
    void revealingTheFullNumberNeedsAnAdministratorAndAReasonAndIsAudited() {
        String idNumber = People.adultId();
        String phone = TestClient.uniquePhone();
        long id = registerIn("北郊乡", "揭示测试", idNumber, phone).id();
        String admin = client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);

        assertThat(client.post("/api/v1/volunteers/" + id + "/id-number/reveal", admin, Map.of("reason", "")).status())
                .isEqualTo(400);
        TestClient.Answer revealed = client.post("/api/v1/volunteers/" + id + "/id-number/reveal", admin,
                Map.of("reason", "核对保险投保信息"));
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.json().get("idNumber").asString()).isEqualTo(idNumber);

        String self = client.tokenFor(phone, "volunteer-pass-1");
        assertThat(client.post("/api/v1/volunteers/" + id + "/id-number/reveal", self, Map.of("reason", "我想看看"))
                .status()).isIn(403, 404);
        String gulou = client.tokenFor("gulou.admin", TestClient.DEMO_PASSWORD);
        assertThat(client.post("/api/v1/volunteers/" + id + "/id-number/reveal", gulou, Map.of("reason", "好奇心强"))
                .status()).isEqualTo(404);

        var audit = client.get("/api/v1/audit?action=volunteer.idNumberRevealed&size=50", admin).json().get("items");
        assertThat(audit.valueStream().filter(entry -> entry.get("entityId").asString().equals(Long.toString(id))))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.get("actorName").asString()).isEqualTo("longting.admin");
                    assertThat(entry.get("detail").asString()).isEqualTo("核对保险投保信息");
                });
    }

    @Test
    void aVolunteerEditsTheirProfileAndDownloadsTheirData() {
        String phone = TestClient.uniquePhone();
        long id = registerIn("北书店街道", "资料测试", People.adultId(), phone).id();
        String self = client.tokenFor(phone, "volunteer-pass-1");
        String emergencyPhone = TestClient.uniquePhone();

        TestClient.Answer changed = client.patch("/api/v1/volunteers/" + id, self, Map.of(
                "skills", List.of("first_aid", "IT"), "tags", List.of("大学生"),
                "serviceAreaIds", List.of(organisationNamed("大院街道")),
                "availability", List.of(Map.of("day", "SATURDAY", "from", "09:00", "to", "12:00")),
                "emergencyContact", Map.of("name", "资料母亲", "phone", emergencyPhone, "relation", "母亲")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("skills").valueStream().map(skill -> skill.get("code").asString()).toList())
                .containsExactly("FIRST_AID", "IT");
        assertThat(changed.json().get("emergencyContact").get("phoneMasked").asString())
                .isEqualTo(emergencyPhone.substring(0, 3) + "****" + emergencyPhone.substring(7));
        assertThat(changed.body()).doesNotContain(emergencyPhone);

        TestClient.Answer backwards = client.patch("/api/v1/volunteers/" + id, self, Map.of(
                "availability", List.of(Map.of("day", "SUNDAY", "from", "12:00", "to", "09:00"))));
        assertThat(backwards.status()).isEqualTo(400);

        TestClient.Answer export = client.get("/api/v1/volunteers/" + id + "/export", self);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).contains("attachment");
        assertThat(export.json().get("profile").get("id").asLong()).isEqualTo(id);
        assertThat(export.json().get("profile").get("tags").get(0).asString()).isEqualTo("大学生");
    }

    @Test
    void leavingClosesTheAccountAtOnceAndErasesPersonalDataButKeepsTheRow() {
        String phone = TestClient.uniquePhone();
        String idNumber = People.adultId();
        long id = registerIn("北书店街道", "注销测试", idNumber, phone).id();
        String self = client.tokenFor(phone, "volunteer-pass-1");

        assertThat(client.post("/api/v1/volunteers/" + id + "/close", self, null).status()).isEqualTo(204);

        assertThat(client.get("/api/v1/me", self).status()).isEqualTo(401);
        String admin = client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);
        TestClient.Answer lateChange = client.patch("/api/v1/volunteers/" + id, admin, Map.of("emergencyContact",
                Map.of("name", "不应保存", "phone", TestClient.uniquePhone(), "relation", "朋友")));
        assertThat(lateChange.status()).as("nothing personal is written to an erased profile").isEqualTo(422);
        assertThat(jdbc.sql("SELECT emergency_phone_cipher IS NULL FROM volunteer WHERE id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
        assertThat(client.post("/api/v1/auth/token", null, Map.of("username", phone, "password", "volunteer-pass-1"))
                .status()).isEqualTo(401);
        var row = jdbc.sql("SELECT status, name, id_number_cipher IS NULL, phone_index IS NULL FROM volunteer WHERE id = :id")
                .param("id", id).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)))
                .single();
        assertThat(row).containsExactly("CLOSED", "已注销", true, true);
        assertThat(client.post("/api/v1/volunteers", null, People.registration(idNumber, phone)).status())
                .as("the document and phone may register again").isEqualTo(201);
    }

    /** Three CJK characters drawn from the clock, so names differ between tests and runs. */
    private static String uniqueChineseName() {
        long seed = System.nanoTime();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            name.appendCodePoint(0x4E00 + (int) (seed % 20_000));
            seed /= 20_000;
        }
        return name.toString();
    }

    private static List<Long> ids(TestClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("items").valueStream().map(item -> item.get("id").asLong()).toList();
    }
}
