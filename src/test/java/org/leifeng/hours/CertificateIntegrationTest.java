package org.leifeng.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leifeng.support.Problems.assertProblem;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leifeng.attendance.CheckedOut;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@LeifengTest
class CertificateIntegrationTest {

    private static final AtomicLong ATTENDANCES = new AtomicLong(2_000_000_000L + System.nanoTime() % 1_000_000L);

    @Autowired
    TestClient client;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Hours hours;

    HoursFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new HoursFixture(client, jdbc);
    }

    @Test
    void aVolunteerGetsACertificateOfTheirCreditedServiceThatAnyoneCanVerify() throws Exception {
        HoursFixture.Volunteer volunteer = fixture.volunteer();
        HoursFixture.Held held = fixture.heldActivity("北书店街道", 3, 2);
        credit(volunteer, held, 0, "2.0");
        credit(volunteer, held, 1, "1.5");

        TestClient.Answer issued = client.post("/api/v1/volunteers/" + volunteer.id() + "/certificates", volunteer.token(), null);

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String number = issued.json().get("number").asString();
        assertThat(number).matches("\\d{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}");
        String text = pdfText(issued.json().get("pdfUrl").asString(), volunteer.token());
        String name = volunteer.profile().get("name").asString();
        assertThat(text).contains("志愿服务记录证明", name, "3.5", held.title(), "北书店街道", number,
                volunteer.profile().get("idNumberMasked").asString());

        JsonNode verified = client.get("/api/v1/public/certificates/" + number, null).json();
        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(verified.get("volunteerName").asString()).isEqualTo(name.substring(0, 1) + "*".repeat(name.length() - 1));
        assertThat(verified.get("totalHours").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(verified.toString()).doesNotContain(volunteer.profile().get("volunteerNumber").asString());
        String page = client.get("/verify/" + number, null).body();
        assertThat(page).contains("data-status=\"VALID\"").doesNotContain(name);
    }

    @Test
    void aCorrectionSupersedesTheCertificatesIssuedBeforeIt() {
        HoursFixture.Volunteer volunteer = fixture.volunteer();
        HoursFixture.Held held = fixture.heldActivity("北书店街道", 4);
        credit(volunteer, held, 0, "2.0");
        String number = client.post("/api/v1/volunteers/" + volunteer.id() + "/certificates", volunteer.token(), null)
                .json().get("number").asString();
        long record = client.get("/api/v1/volunteers/" + volunteer.id() + "/hours", volunteer.token()).json()
                .get("records").get(0).get("id").asLong();

        assertThat(client.post("/api/v1/service-records/" + record + "/corrections", fixture.districtAdmin(),
                Map.of("hours", 1.0, "reason", "签到记录有误")).status()).isEqualTo(201);

        JsonNode verified = client.get("/api/v1/public/certificates/" + number, null).json();
        assertThat(verified.get("valid").asBoolean()).isFalse();
        assertThat(verified.get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(verified.get("totalHours").decimalValue()).as("frozen at issue").isEqualByComparingTo("2.0");
        assertThat(client.get("/verify/" + number, null).body()).contains("data-status=\"SUPERSEDED\"");
    }

    @Test
    void unknownNumbersAreUnknownAndOthersCannotIssueOrDownload() {
        HoursFixture.Volunteer volunteer = fixture.volunteer();
        assertProblem(client.post("/api/v1/volunteers/" + volunteer.id() + "/certificates", volunteer.token(), null), 422);
        credit(volunteer, fixture.heldActivity("北书店街道", 5), 0, "2.0");
        String number = client.post("/api/v1/volunteers/" + volunteer.id() + "/certificates", volunteer.token(), null)
                .json().get("number").asString();
        String stranger = fixture.volunteer().token();

        assertProblem(client.get("/api/v1/public/certificates/2026-0000-0000-0000-0000", null), 404);
        assertProblem(client.get("/api/v1/public/certificates/not-a-number", null), 404);
        assertThat(client.get("/verify/2026-0000-0000-0000-0000", null).body()).contains("data-status=\"UNKNOWN\"");
        assertProblem(client.get("/api/v1/certificates/" + number + "/pdf", stranger), 404);
        assertProblem(client.post("/api/v1/volunteers/" + volunteer.id() + "/certificates", stranger, null), 404);
        assertThat(client.get("/api/v1/certificates/" + number + "/pdf", fixture.districtAdmin()).status()).isEqualTo(200);
    }

    private void credit(HoursFixture.Volunteer volunteer, HoursFixture.Held held, int shift, String credited) {
        HoursFixture.Shift at = held.shifts().get(shift);
        Instant from = at.startsAt().toInstant();
        Instant until = at.endsAt().toInstant();
        hours.credit(new CheckedOut(ATTENDANCES.incrementAndGet(), volunteer.id(), held.id(), at.id(),
                held.organisationId(), from, until, from, until, new BigDecimal(credited), null));
    }

    private String pdfText(String path, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                client.request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        try (PDDocument document = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
