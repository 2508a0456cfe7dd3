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
import org.leifeng.platform.Masking;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.People;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Volunteers sign in with their mobile number, which no table keeps in clear: the account is found through the
 * number's blind index, and answers, pages, the audit log and browser sessions name it masked or by account id.
 */
@LeifengTest
class MobileNumberAccountIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "volunteer-pass-1";

    @Autowired
    TestClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void volunteerSignsInThroughTheTokenApiWithAMobileNumberNoAccountRowHolds() {
        String phone = TestClient.uniquePhone();
        long volunteerId = register(phone);

        String token = client.tokenFor(phone, PASSWORD);
        String spaced = "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);
        assertThat(client.post("/api/v1/auth/token", null, Map.of("username", spaced, "password", PASSWORD)).status())
                .isEqualTo(200);

        TestClient.Answer me = client.get("/api/v1/me", token);
        assertThat(me.json().get("volunteerId").asLong()).isEqualTo(volunteerId);
        assertThat(me.json().get("username").asString()).isEqualTo(Masking.phone(phone));
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE username LIKE '%' || :phone || '%'")
                .param("phone", phone).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT phone_masked FROM account WHERE id = :id").param("id", me.json().get("id").asLong())
                .query(String.class).single()).isEqualTo(Masking.phone(phone));
    }

    @Test
    void volunteerSignsInOnThePageWithASessionThatNamesTheAccountNotTheNumber() throws Exception {
        String phone = TestClient.uniquePhone();
        register(phone);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> refused = signIn(browser, phone, "not-the-password-7");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).as("the refused form does not write the number back").doesNotContain(phone);

        HttpResponse<String> signedIn = signIn(browser, phone, PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> home = browser.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        TestClient.remember("/", home.body());
        assertThat(home.body()).contains(Masking.phone(phone)).doesNotContain(phone);

        long accountId = jdbc.sql("SELECT id FROM account WHERE phone_masked = :masked ORDER BY id DESC LIMIT 1")
                .param("masked", Masking.phone(phone)).query(Long.class).single();
        List<String> principals = jdbc.sql("SELECT principal_name FROM spring_session WHERE principal_name IS NOT NULL")
                .query(String.class).list();
        assertThat(principals).contains("account:" + accountId).noneMatch(name -> name.contains(phone));
        List<byte[]> attributes = jdbc.sql("""
                SELECT a.attribute_bytes FROM spring_session_attributes a JOIN spring_session s
                    ON s.primary_id = a.session_primary_id WHERE s.principal_name = :principal""")
                .param("principal", "account:" + accountId).query(byte[].class).list();
        assertThat(attributes).isNotEmpty()
                .noneMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains(phone));
    }

    @Test
    void accountsAndTheAuditLogShowTheMobileNumberMasked() {
        String phone = TestClient.uniquePhone();
        register(phone);
        String token = client.tokenFor(phone, PASSWORD);
        assertThat(client.post("/api/v1/auth/token", null, Map.of("username", phone, "password", "wrong-password-9"))
                .status()).isEqualTo(401);
        assertThat(client.put("/api/v1/me/password", token, Map.of("currentPassword", "not-my-password",
                "newPassword", "a-new-password-3")).status()).isEqualTo(422);
        String admin = client.adminToken();

        TestClient.Answer found = client.get("/api/v1/accounts?q=" + phone, admin);
        assertThat(found.json().get("items")).hasSize(1);
        JsonNode account = found.json().get("items").get(0);
        assertThat(account.get("username").asString()).isEqualTo(Masking.phone(phone));
        assertThat(client.get("/api/v1/accounts/" + account.get("id").asLong(), admin).json().get("username").asString())
                .isEqualTo(Masking.phone(phone));
        assertThat(client.get("/api/v1/accounts?q=" + Masking.phone(phone).substring(7), admin).body())
                .contains(Masking.phone(phone)).doesNotContain(phone);

        TestClient.Answer audit = client.get("/api/v1/audit?action=auth.token&size=100", admin);
        assertThat(audit.body()).contains(Masking.phone(phone)).doesNotContain(phone);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE actor_name LIKE '%' || :phone || '%' OR detail LIKE '%' || :phone || '%'""")
                .param("phone", phone).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor_name = :masked AND action = 'PUT /api/v1/me/password'")
                .param("masked", Masking.phone(phone)).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'auth.token' AND detail = :masked")
                .param("masked", Masking.phone(phone)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anAdministratorCannotCreateASecondAccountForATakenMobileNumber() {
        String phone = TestClient.uniquePhone();
        register(phone);

        TestClient.Answer second = client.createAccount(client.adminToken(), phone, "another-pass-2", "VOLUNTEER", 1);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).doesNotContain(phone);
        assertThat(client.post("/api/v1/volunteers", null, People.registration(People.adultId(), "+86" + phone))
                .json().get("type").asString()).endsWith("volunteer.phoneTaken");
    }

    private long register(String phone) {
        TestClient.Answer registered = client.post("/api/v1/volunteers", null, People.registration(People.adultId(), phone));
        assertThat(registered.status()).isEqualTo(201);
        return registered.id();
    }

    private HttpResponse<String> signIn(HttpClient browser, String username, String password) throws Exception {
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        String body = Map.of("username", username, "password", password, "_csrf", csrf.group(1)).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
