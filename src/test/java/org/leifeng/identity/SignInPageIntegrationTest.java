package org.leifeng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.leifeng.platform.ClientThrottle;
import org.leifeng.platform.Throttles;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

/** The sign-in page as a browser uses it: a session, the CSRF token from the form, and the same lockout as the API. */
@LeifengTest
class SignInPageIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    TestClient client;

    @Autowired
    ClientThrottle throttle;

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
        assertThat(locked.body()).contains("这个账号的密码错误次数过多");
        assertThat(client.post("/api/v1/auth/token", null, Map.of("username", username, "password", "right-password-1"))
                .status()).isEqualTo(429);
    }

    @Test
    void changesThePasswordOnThePageAndTheOldOneStopsWorking() throws Exception {
        String username = TestClient.unique("page.password.");
        HttpClient browser = signedInWithANewAccount(username, "first-password-1");
        HttpResponse<String> changed = changePasswordOnThePage(browser, "first-password-1", "second-password-2");
        assertThat(changed.statusCode()).isEqualTo(302);

        assertThat(client.post("/api/v1/auth/token", null, Map.of("username", username, "password", "first-password-1"))
                .status()).isEqualTo(401);
        assertThat(client.post("/api/v1/auth/token", null, Map.of("username", username, "password", "second-password-2"))
                .status()).isEqualTo(200);
    }

    @Test
    void tooManySignInsFromOneAddressAnswer429WithAMessageSayingWhenInEitherLanguage() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String address = "198.19." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        try (AutoCloseable lowered = Throttles.lowered(throttle, ClientThrottle.Action.SIGN_IN, 2, 100)) {
            HttpClient browser = browser();
            for (int attempt = 1; attempt <= 2; attempt++) {
                assertThat(signIn(browser, address, TestClient.unique("sprayed."), "wrong-password")
                        .statusCode()).isEqualTo(401);
            }

            HttpResponse<String> chinese = signIn(browser, address, "admin", TestClient.ADMIN_PASSWORD);
            HttpResponse<String> english = signIn(browserIn("en"), address, "admin", TestClient.ADMIN_PASSWORD);

            assertThat(chinese.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(chinese.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
            assertThat(chinese.body()).contains("从您所在网络发出的登录请求过多，请在 1 分钟后再试");
            assertThat(english.statusCode()).isEqualTo(429);
            assertThat(english.body()).contains("Too many sign-ins from your network: try again in 1 min.");
        }
    }

    @Test
    void thePasswordPageExplainsWhyAnEasilyGuessedNewPasswordIsRefused() throws Exception {
        String username = TestClient.unique("page.weak.");
        HttpClient browser = signedInWithANewAccount(username, "first-password-1");

        changePasswordOnThePage(browser, "first-password-1", "12345678");
        HttpResponse<String> after = browser.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/account/password"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(after.body()).contains("新密码未保存。密码太容易被猜到");
        assertThat(client.post("/api/v1/auth/token", null, Map.of("username", username, "password", "first-password-1"))
                .status()).isEqualTo(200);
    }

    /** A browser signed in on the page with an account created for the test. */
    private HttpClient signedInWithANewAccount(String username, String password) throws Exception {
        client.post("/api/v1/accounts", client.adminToken(), Map.of("username", username, "password", password,
                "grants", List.of(Map.of("role", "VOLUNTEER", "organisationId", 1))));
        HttpClient browser = browser();
        assertThat(signIn(browser, username, password).statusCode()).isEqualTo(302);
        return browser;
    }

    /** Submits the password page's form as a person would, with the CSRF token the page gave. */
    private HttpResponse<String> changePasswordOnThePage(HttpClient browser, String current, String next)
            throws Exception {
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/account/password"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        return browser.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/account/password"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("currentPassword", current,
                                "newPassword", next, "_csrf", csrf.group(1))))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A browser whose language was chosen on the site (pages read it from a cookie, not Accept-Language). */
    private HttpClient browserIn(String language) {
        CookieManager cookies = new CookieManager();
        HttpCookie chosen = new HttpCookie("LEIFENG_LANG", language);
        chosen.setPath("/");
        chosen.setVersion(0);
        cookies.getCookieStore().add(URI.create(client.baseUrl()), chosen);
        return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> signIn(HttpClient browser, String username, String password) throws Exception {
        return signIn(browser, "127.0.0.1", username, password);
    }

    private HttpResponse<String> signIn(HttpClient browser, String address, String username,
            String password) throws Exception {
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        return browser.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", address)
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
