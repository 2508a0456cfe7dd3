package org.leifeng.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.leifeng.support.People;
import org.leifeng.support.TestClient;

/**
 * Published activities and volunteers made through the API (after the activity module's own fixture), and a browser
 * session for pages: cookies, no redirects followed, the CSRF token taken from the last page.
 */
final class ActivityPageFixture {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** Days of their own, far ahead and apart from the activity module's tests, so shifts never overlap. */
    private static final AtomicInteger DAYS = new AtomicInteger(3000 + (int) (System.nanoTime() % 500) * 3);

    private final TestClient client;

    ActivityPageFixture(TestClient client) {
        this.client = client;
    }

    static OffsetDateTime freshDay() {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(DAYS.addAndGet(2)).withHour(9).withMinute(0)
                .withSecond(0).withNano(0);
    }

    String organiserToken() {
        return client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);
    }

    long organisation(String name) {
        return client.organisationId(name, client.adminToken());
    }

    /** A body for an activity of 龙亭区 with one shift of {@code capacity} places starting at {@code start}. */
    Map<String, Object> activity(String title, OffsetDateTime start, int capacity, boolean waitlist) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("category", "COMMUNITY");
        body.put("organisationId", organisation("龙亭区"));
        body.put("description", "社区环境整治");
        body.put("place", Map.of("address", "开封市龙亭区北书店街", "lat", 34.80, "lon", 114.35, "radiusMeters", 300));
        body.put("approval", "AUTO");
        body.put("waitlist", waitlist);
        body.put("shifts", List.of(Map.of("startsAt", start.toString(), "endsAt", start.plusHours(2).toString(),
                "capacity", capacity, "position", "清扫组")));
        return body;
    }

    /** Creates and publishes; answers the activity's id and its first shift's id. */
    Published publish(Map<String, Object> body) {
        String organiser = organiserToken();
        TestClient.Answer created = client.post("/api/v1/activities", organiser, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        TestClient.Answer published = client.post("/api/v1/activities/" + created.id() + "/publish", organiser, null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return new Published(created.id(), created.json().get("shifts").get(0).get("id").asLong());
    }

    /** A new adult volunteer of 北书店街道; answers {id, phone, token}. Their password is {@value #PASSWORD}. */
    Volunteer volunteer() {
        String phone = TestClient.uniquePhone();
        var body = People.registration(People.adultId(), phone);
        body.put("organisationId", organisation("北书店街道"));
        TestClient.Answer registered = client.post("/api/v1/volunteers", null, body);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new Volunteer(registered.id(), phone, client.tokenFor(phone, PASSWORD));
    }

    static final String PASSWORD = "volunteer-pass-1";

    Session signedIn(String username, String password) throws Exception {
        Session session = new Session(HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
        HttpResponse<String> form = session.get("/login");
        HttpResponse<String> done = session.post("/login", form.body(), Map.of("username", username, "password", password),
                false);
        assertThat(done.statusCode()).isEqualTo(302);
        return session;
    }

    Session anonymous() {
        return new Session(HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    record Published(long activityId, long shiftId) {
    }

    record Volunteer(long id, String phone, String token) {
    }

    final class Session {

        private final HttpClient http;

        Session(HttpClient http) {
            this.http = http;
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + path))
                    .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString());
            TestClient.remember(path, page.body());
            return page;
        }

        /** The page in another language (the choice then sticks, as the language links do). */
        HttpResponse<String> getIn(String language, String path) throws Exception {
            return get(path + (path.contains("?") ? "&" : "?") + "lang=" + language);
        }

        HttpResponse<byte[]> getBytes(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> post(String path, String page, Map<String, String> fields, boolean htmx) throws Exception {
            return postFields(path, page, fields.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList(),
                    htmx);
        }

        /** Posts fields (names may repeat) with the CSRF token of {@code page}; htmx posts carry its header. */
        HttpResponse<String> postFields(String path, String page, List<Map.Entry<String, String>> fields, boolean htmx)
                throws Exception {
            Matcher csrf = CSRF.matcher(page);
            assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
            String body = fields.stream()
                    .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&", "", "&"))
                    + "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.baseUrl() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "zh-CN")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (htmx) {
                request.header("HX-Request", "true");
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            TestClient.remember(path, answer.body());
            return answer;
        }
    }
}
