package org.leifeng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

/** The sign-in page as a browser uses it: a session, the CSRF token from the form, and the same lockout as the API. */
@LeifengTest
class SignInPageIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    TestClient client;

    @Test
    void signsInWithSessionAndReachesTheTree() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> signedIn = signIn(browser, "admin", TestClient.ADMIN_PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin/organisations");

        HttpResponse<String> tree = browser.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/admin/organisations")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tree.statusCode()).isEqualTo(200);
        assertThat(tree.body()).contains("龙亭区", "兰考县");
    }

    @Test
    void rejectsAPostWithoutTheCsrfToken() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "admin",
                                "password", TestClient.ADMIN_PASSWORD)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(403);
    }

    @Test
    void locksTheAccountOnThePageAfterFiveFailures() throws Exception {
        String username = TestClient.unique("page.lock.");
        TestClient.Answer created = client.post("/api/v1/accounts", client.adminToken(), Map.of("username", username,
                "password", "right-password-1", "grants", List.of(Map.of("role", "VOLUNTEER", "organisationId", 1))));
        assertThat(created.status()).isEqualTo(201);
        HttpClient browser = browser();
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> wrong = signIn(browser, username, "wrong-password");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("用户名或密码错误");
        }
        HttpResponse<String> locked = signIn(browser, username, "right-password-1");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
        assertThat(locked.body()).contains("已被锁定");
        assertThat(client.post("/api/v1/auth/token", null, Map.of("username", username, "password", "right-password-1"))
                .status()).isEqualTo(429);
    }

    @Test
    void changesThePasswordOnThePageAndTheOldOneStopsWorking() throws Exception {
        String username = TestClient.unique("page.password.");
        client.post("/api/v1/accounts", client.adminToken(), Map.of("username", username, "password", "first-password-1",
                "grants", List.of(Map.of("role", "VOLUNTEER", "organisationId", 1))));
        HttpClient browser = browser();
        assertThat(signIn(browser, username, "first-password-1").statusCode()).isEqualTo(302);
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/account/password"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> changed = browser.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/account/password"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("currentPassword", "first-password-1",
                                "newPassword", "second-password-2", "_csrf", csrf.group(1))))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).isEqualTo(302);

        assertThat(client.post("/api/v1/auth/token", null, Map.of("username", username, "password", "first-password-1"))
                .status()).isEqualTo(401);
        assertThat(client.post("/api/v1/auth/token", null, Map.of("username", username, "password", "second-password-2"))
                .status()).isEqualTo(200);
    }

    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> signIn(HttpClient browser, String username, String password) throws Exception {
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        return browser.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username,
                                "password", password, "_csrf", csrf.group(1))))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
