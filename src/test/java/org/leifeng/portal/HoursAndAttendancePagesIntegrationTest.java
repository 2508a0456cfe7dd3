package org.leifeng.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.leifeng.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/** The hours and attendance pages through HTTP as a browser uses them. */
@LeifengTest
class HoursAndAttendancePagesIntegrationTest {

    private static final Pattern QR = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @Autowired
    TestClient client;
    @Autowired
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theOrganisersScreenShowsAQrCodeThatOpensTheCheckInPageOfTheShift() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var shift = fixture.publish(startingSoon(fixture, TestClient.unique("扫码签到 ")));
        var volunteer = fixture.volunteer();
        assertThat(client.post("/api/v1/shifts/" + shift.shiftId() + "/signups", volunteer.token(), null).status()).isEqualTo(201);
        var organiser = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);

        HttpResponse<String> screen = organiser.get("/admin/shifts/" + shift.shiftId() + "/attendance");
        assertThat(screen.statusCode()).isEqualTo(200);
        assertThat(screen.body()).contains("hx-trigger=\"every 25s\"", "name=\"volunteerNumber\"");
        String url = decodeQr(screen.body());
        assertThat(url).matches("https?://[^/]+/attend/" + shift.shiftId() + "\\.\\d+\\.[A-Za-z0-9_-]{22}");
        assertThat(organiser.get("/admin/shifts/" + shift.shiftId() + "/attendance/code").body())
                .contains("id=\"attendance-qr\"").doesNotContain("<html");

        var phone = fixture.signedIn(volunteer.phone(), ActivityPageFixture.PASSWORD);
        String path = url.substring(url.indexOf("/attend/"));
        HttpResponse<String> scanned = phone.get(path);
        assertThat(scanned.body()).contains("data-status=\"NONE\"", "data-geofenced=\"true\"");
        HttpResponse<String> in = phone.postFields(path, scanned.body(), List.of(Map.entry("action", "in"),
                Map.entry("lat", "34.8005"), Map.entry("lon", "114.35"), Map.entry("accuracy", "15")), false);

        assertThat(in.statusCode()).isEqualTo(200);
        assertThat(in.body()).contains("data-status=\"CHECKED_IN\"", "活动结束时请再次扫码签退");
        assertThat(organiser.get("/admin/shifts/" + shift.shiftId() + "/attendance").body())
                .contains("data-status=\"CHECKED_IN\"");
    }

    @Test
    void aVolunteerSeesHoursStarsRecordsAndGetsACertificateFromTheirPage() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        var shift = fixture.publish(startingSoon(fixture, TestClient.unique("时长页面 ")));
        var volunteer = fixture.volunteer();
        assertThat(client.post("/api/v1/shifts/" + shift.shiftId() + "/signups", volunteer.token(), null).status()).isEqualTo(201);
        var organiser = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        String number = client.get("/api/v1/volunteers/" + volunteer.id(), volunteer.token()).json()
                .get("volunteerNumber").asString();
        HttpResponse<String> screen = organiser.get("/admin/shifts/" + shift.shiftId() + "/attendance");
        organiser.postFields("/admin/shifts/" + shift.shiftId() + "/attendance/kiosk", screen.body(),
                List.of(Map.entry("volunteerNumber", number), Map.entry("action", "CHECK_IN")), false);
        assertThat(organiser.get("/admin/shifts/" + shift.shiftId() + "/attendance").body()).contains("已为 " + number + " 签到");
        clock.advance(Duration.ofMinutes(140));
        HttpResponse<String> out = organiser.postFields("/admin/shifts/" + shift.shiftId() + "/attendance/kiosk",
                screen.body(), List.of(Map.entry("volunteerNumber", number), Map.entry("action", "CHECK_OUT")), false);
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(organiser.get("/admin/shifts/" + shift.shiftId() + "/attendance").body()).contains("已为 " + number + " 签退");
        clock.reset();
        var phone = fixture.signedIn(volunteer.phone(), ActivityPageFixture.PASSWORD);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(phone.get("/account/hours").body()).contains("id=\"total-hours\">2.0<"));

        HttpResponse<String> mine = phone.get("/account/hours");
        assertThat(mine.body()).contains("尚未评星", "已认定", "达到 100 小时即可升星");
        assertThat(decodeQr(mine.body())).isEqualTo(number);
        HttpResponse<String> issued = phone.postFields("/account/hours/certificates", mine.body(), List.of(), false);
        assertThat(issued.statusCode()).isEqualTo(302);
        Matcher link = Pattern.compile("href=\"(/account/certificates/[0-9A-Z-]+\\.pdf)\"").matcher(phone.get("/account/hours").body());
        assertThat(link.find()).isTrue();
        HttpResponse<byte[]> pdf = phone.getBytes(link.group(1));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(phone.getIn("en", "/account/hours").body()).contains("My volunteer hours", "No star yet", "Credited");
    }

    @Test
    void anAdministratorEntersServiceByHandAndAnotherApprovesItOnThePage() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        OffsetDateTime held = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(3).withHour(9).withMinute(0)
                .withSecond(0).withNano(0);
        var body = fixture.activity(TestClient.unique("手工补录 "), held, 10, false);
        var activity = fixture.publish(body);
        var volunteer = fixture.volunteer();
        String number = client.get("/api/v1/volunteers/" + volunteer.id(), volunteer.token()).json()
                .get("volunteerNumber").asString();
        var district = fixture.signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        HttpResponse<String> page = district.get("/admin/hours");
        assertThat(page.body()).contains("id=\"manual-entry\"", "value=\"" + activity.activityId() + "\"");

        HttpResponse<String> entered = district.postFields("/admin/hours/entries", page.body(), List.of(
                Map.entry("volunteerNumber", number), Map.entry("activityId", String.valueOf(activity.activityId())),
                Map.entry("date", held.toLocalDate().toString()), Map.entry("start", "09:00"), Map.entry("end", "11:00"),
                Map.entry("note", "纸质签到表")), false);
        assertThat(entered.statusCode()).isEqualTo(302);
        HttpResponse<String> queue = district.get("/admin/hours");
        assertThat(queue.body()).contains("补录已提交", "须由其他管理员审核");
        Matcher record = Pattern.compile("data-record=\"(\\d+)\"").matcher(queue.body());
        assertThat(record.find()).isTrue();

        var city = fixture.signedIn("admin", TestClient.ADMIN_PASSWORD);
        HttpResponse<String> cityPage = city.get("/admin/hours");
        HttpResponse<String> approved = city.post("/admin/hours/records/" + record.group(1) + "/approve", cityPage.body(),
                Map.of(), false);

        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(city.get("/admin/hours").body()).contains("已通过，时长已计入");
        assertThat(client.get("/api/v1/volunteers/" + volunteer.id() + "/hours", volunteer.token()).json()
                .get("totalHours").decimalValue()).isEqualByComparingTo(new BigDecimal("2.0"));
    }

    private static Map<String, Object> startingSoon(ActivityPageFixture fixture, String title) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusMinutes(20).withSecond(0).withNano(0);
        return fixture.activity(title, start, 10, false);
    }

    private static String decodeQr(String page) throws Exception {
        Matcher image = QR.matcher(page);
        assertThat(image.find()).as("a QR image on the page").isTrue();
        BufferedImage qr = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image.group(1))));
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(qr))))
                .getText();
    }
}
