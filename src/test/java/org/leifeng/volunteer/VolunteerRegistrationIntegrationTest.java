package org.leifeng.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leifeng.platform.PersonalData;
import org.leifeng.support.Concurrently;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.People;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@LeifengTest
class VolunteerRegistrationIntegrationTest {

    @Autowired
    TestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personalData;

    @Test
    void registersWithAResidentIdAndShowsItOnlyMasked() {
        String idNumber = People.adultId();
        String phone = TestClient.uniquePhone();
        var body = People.registration(idNumber.substring(0, 17) + idNumber.substring(17).toLowerCase(), phone);
        TestClient.Answer answer = client.post("/api/v1/volunteers", null, body);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("idNumberMasked").asString())
                .isEqualTo(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));
        assertThat(answer.json().get("phoneMasked").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(answer.json().get("birthDate").asString()).isEqualTo(
                idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-" + idNumber.substring(12, 14));
        assertThat(answer.json().get("sex").asString()).isEqualTo((idNumber.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE");
        assertThat(answer.body()).doesNotContain(idNumber).doesNotContain(phone);
        String number = answer.json().get("volunteerNumber").asString();
        assertThat(VolunteerNumber.isWellFormed(number)).isTrue();
        assertThat(number).doesNotContain(idNumber.substring(6, 14));
        assertThat(answer.header("Location")).endsWith("/api/v1/volunteers/" + answer.id());
    }

    @Test
    void storesTheDocumentEncryptedWithItsKeyIdAndTheUpperCaseX() {
        String idNumber = People.residentId(LocalDate.of(1988, 8, 8));
        String phone = TestClient.uniquePhone();
        long id = client.post("/api/v1/volunteers", null, People.registration(idNumber.toLowerCase(), phone)).id();

        var stored = jdbc.sql("SELECT id_number_cipher, id_number_key, phone_cipher, id_number_masked FROM volunteer WHERE id = :id")
                .param("id", id).query((rs, row) -> List.of(rs.getBytes(1), rs.getString(2), rs.getBytes(3), rs.getString(4)))
                .single();
        assertThat(new String((byte[]) stored.get(0), StandardCharsets.ISO_8859_1)).doesNotContain(idNumber);
        assertThat(new String((byte[]) stored.get(2), StandardCharsets.ISO_8859_1)).doesNotContain(phone);
        assertThat(stored.get(1)).isEqualTo("t1");
        assertThat((String) stored.get(3)).endsWith(idNumber.substring(14).toUpperCase());
    }

    @Test
    void theVolunteerSignsInAtOnceWithTheirPhone() {
        String phone = TestClient.uniquePhone();
        long id = client.post("/api/v1/volunteers", null, People.registration(People.adultId(), phone)).id();

        String token = client.tokenFor(phone, "volunteer-pass-1");
        TestClient.Answer me = client.get("/api/v1/me", token);
        assertThat(me.json().get("volunteerId").asLong()).isEqualTo(id);
        assertThat(me.json().get("grants").get(0).get("role").asString()).isEqualTo("VOLUNTEER");
        assertThat(client.get("/api/v1/volunteers/me", token).id()).isEqualTo(id);
    }

    @Test
    void refusesASecondRegistrationOfTheSameDocumentOrPhone() {
        String idNumber = People.adultId();
        String phone = TestClient.uniquePhone();
        assertThat(client.post("/api/v1/volunteers", null, People.registration(idNumber, phone)).status()).isEqualTo(201);

        TestClient.Answer sameDocument = client.post("/api/v1/volunteers", null,
                People.registration(idNumber, TestClient.uniquePhone()));
        assertThat(sameDocument.status()).isEqualTo(409);
        assertThat(sameDocument.json().get("type").asString()).endsWith("volunteer.documentTaken");

        TestClient.Answer samePhone = client.post("/api/v1/volunteers", null, People.registration(People.adultId(), phone));
        assertThat(samePhone.status()).isEqualTo(409);
        assertThat(samePhone.json().get("type").asString()).endsWith("volunteer.phoneTaken");
    }

    @Test
    void twentySimultaneousRegistrationsOfOneDocumentMakeExactlyOneVolunteer() throws Exception {
        String idNumber = People.adultId();
        List<Integer> statuses = Concurrently.run(20, () -> client.post("/api/v1/volunteers", null,
                People.registration(idNumber, TestClient.uniquePhone())).status());

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(19);
        byte[] index = personalData.blindIndex("id-document", "RESIDENT_ID:" + idNumber);
        assertThat(jdbc.sql("SELECT count(*) FROM volunteer WHERE id_number_index = :index")
                .param("index", index).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twentySimultaneousRegistrationsOfOnePhoneMakeExactlyOneAccount() throws Exception {
        String phone = TestClient.uniquePhone();
        List<Integer> statuses = Concurrently.run(20, () -> client.post("/api/v1/volunteers", null,
                People.registration(People.adultId(), phone)).status());

        assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE phone_index = :index")
                .param("index", personalData.blindIndex("account-mobile", phone)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesBadInputFieldByField() {
        var badCheck = People.registration("410202199001011231", TestClient.uniquePhone());
        assertField(client.post("/api/v1/volunteers", null, badCheck), "idNumber");

        var badPhone = People.registration(People.adultId(), "12345678901");
        assertField(client.post("/api/v1/volunteers", null, badPhone), "phone");

        var digitsInName = People.registration(People.adultId(), TestClient.uniquePhone());
        digitsInName.put("name", "张3");
        assertField(client.post("/api/v1/volunteers", null, digitsInName), "name");

        var noConsent = People.registration(People.adultId(), TestClient.uniquePhone());
        noConsent.put("consent", false);
        assertField(client.post("/api/v1/volunteers", null, noConsent), "consent");

        var shortPassword = People.registration(People.adultId(), TestClient.uniquePhone());
        shortPassword.put("password", "short");
        assertField(client.post("/api/v1/volunteers", null, shortPassword), "password");

        var passportWithoutBirthDate = People.registration("E12345678", TestClient.uniquePhone());
        passportWithoutBirthDate.put("idType", "PASSPORT");
        assertField(client.post("/api/v1/volunteers", null, passportWithoutBirthDate), "birthDate");

        var unknownSkill = People.registration(People.adultId(), TestClient.uniquePhone());
        unknownSkill.put("skills", List.of("JUGGLING"));
        assertField(client.post("/api/v1/volunteers", null, unknownSkill), "skills");
    }

    @Test
    void acceptsNamesOfEveryScriptAndOtherDocuments() {
        var minority = People.registration(People.adultId(), TestClient.uniquePhone());
        minority.put("name", "阿依古丽·买买提");
        assertThat(client.post("/api/v1/volunteers", null, minority).status()).isEqualTo(201);

        var foreigner = People.registration("P" + (10_000_000 + System.nanoTime() % 89_999_999), TestClient.uniquePhone());
        foreigner.put("idType", "FOREIGN_PERMANENT_RESIDENCE");
        foreigner.put("name", "Anna-Marie O'Neil");
        foreigner.put("birthDate", "1985-06-15");
        foreigner.put("sex", "FEMALE");
        TestClient.Answer answer = client.post("/api/v1/volunteers", null, foreigner);
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("name").asString()).isEqualTo("Anna-Marie O'Neil");
        assertThat(answer.json().get("birthDate").asString()).isEqualTo("1985-06-15");
    }

    @Test
    void aChildUnder14NeedsAGuardianWithDocumentAndConsent() {
        String childId = People.residentId(LocalDate.now().minusYears(10));
        var alone = People.registration(childId, TestClient.uniquePhone());
        TestClient.Answer refused = client.post("/api/v1/volunteers", null, alone);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("volunteer.guardianRequired");

        var withoutGuardianDocument = People.registration(childId, TestClient.uniquePhone());
        withoutGuardianDocument.put("guardian", Map.of("name", "李母", "phone", TestClient.uniquePhone(), "relation", "母亲"));
        withoutGuardianDocument.put("guardianConsent", true);
        assertThat(client.post("/api/v1/volunteers", null, withoutGuardianDocument).json().get("type").asString())
                .endsWith("volunteer.guardianDocumentRequired");

        String guardianId = People.adultId();
        var withoutConsent = People.registration(childId, TestClient.uniquePhone());
        withoutConsent.put("guardian", Map.of("name", "李母", "idType", "RESIDENT_ID", "idNumber", guardianId,
                "phone", TestClient.uniquePhone(), "relation", "母亲"));
        assertThat(client.post("/api/v1/volunteers", null, withoutConsent).json().get("type").asString())
                .endsWith("volunteer.guardianConsentRequired");

        var complete = People.registration(childId, TestClient.uniquePhone());
        complete.put("guardian", Map.of("name", "李母", "idType", "RESIDENT_ID", "idNumber", guardianId,
                "phone", TestClient.uniquePhone(), "relation", "母亲"));
        complete.put("guardianConsent", true);
        TestClient.Answer registered = client.post("/api/v1/volunteers", null, complete);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("guardian").get("idNumberMasked").asString())
                .isEqualTo(guardianId.substring(0, 4) + "**********" + guardianId.substring(14));
        assertThat(registered.json().get("guardian").get("consentedAt").isNull()).isFalse();
        assertThat(registered.body()).doesNotContain(guardianId);
    }

    @Test
    void aTeenagerNeedsTheGuardiansConsentButNotTheirDocument() {
        String teenId = People.residentId(LocalDate.now().minusYears(16));
        var withoutConsent = People.registration(teenId, TestClient.uniquePhone());
        withoutConsent.put("guardian", Map.of("name", "王父", "phone", TestClient.uniquePhone(), "relation", "父亲"));
        TestClient.Answer refused = client.post("/api/v1/volunteers", null, withoutConsent);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("volunteer.guardianConsentRequired");

        var withConsent = People.registration(teenId, TestClient.uniquePhone());
        withConsent.put("guardian", Map.of("name", "王父", "phone", TestClient.uniquePhone(), "relation", "父亲"));
        withConsent.put("guardianConsent", true);
        assertThat(client.post("/api/v1/volunteers", null, withConsent).status()).isEqualTo(201);
    }

    private static void assertField(TestClient.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
