package org.leifeng.portal;

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

/** The team pages as a browser uses them, on the demo teams: a session and the CSRF token from each form. */
@LeifengTest
class TeamPagesIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern TEAM_LINK = Pattern.compile("href=\"/admin/teams/(\\d+)\"");

    @Autowired
    TestClient client;

    @Test
    void districtAdministratorSeesTheDemoTeamsAndManagesOne() throws Exception {
        HttpClient browser = signedIn("longting.admin", TestClient.DEMO_PASSWORD);

        HttpResponse<String> list = get(browser, "/admin/teams");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("龙亭区青年志愿服务队", "北书店街道巾帼志愿服务队").doesNotContain("鼓楼区夜市文明劝导队");

        Matcher link = TEAM_LINK.matcher(list.body());
        assertThat(link.find()).isTrue();
        HttpResponse<String> detail = get(browser, "/admin/teams/" + link.group(1));
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("邀请码", "待审核的入队申请");
    }

    @Test
    void aVolunteerJoinsWithTheCodeOnTheTeamsPageAndSeesTheTeamAsTheirs() throws Exception {
        String admin = client.adminToken();
        long lankao = client.get("/api/v1/organisations?type=DISTRICT&q=" + URLEncoder.encode("兰考县", StandardCharsets.UTF_8),
                admin).json().get("items").get(0).get("id").asLong();
        var team = client.get("/api/v1/teams?q=" + URLEncoder.encode("焦裕禄精神宣讲队", StandardCharsets.UTF_8),
                client.tokenFor("lankao.admin", TestClient.DEMO_PASSWORD)).json().get("items").get(0);
        String username = TestClient.unique("team.page.");
        client.post("/api/v1/accounts", admin, Map.of("username", username, "password", "team-page-password",
                "grants", List.of(Map.of("role", "VOLUNTEER", "organisationId", lankao))));
        HttpClient browser = signedIn(username, "team-page-password");

        HttpResponse<String> page = get(browser, "/teams");
        assertThat(page.body()).contains("兰考县焦裕禄精神宣讲队", "您还没有加入任何志愿服务队");
        HttpResponse<String> joined = post(browser, "/teams/join", page.body(),
                Map.of("inviteCode", team.get("inviteCode").asString()));
        assertThat(joined.statusCode()).isEqualTo(302);

        HttpResponse<String> after = get(browser, "/teams");
        assertThat(after.body()).contains("已凭邀请码加入服务队").doesNotContain("您还没有加入任何志愿服务队");
    }

    @Test
    void theTeamsPageAsksStrangersToSignIn() throws Exception {
        HttpResponse<String> page = get(browser(), "/teams");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private HttpClient signedIn(String username, String password) throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> form = get(browser, "/login");
        HttpResponse<String> signedIn = post(browser, "/login", form.body(),
                Map.of("username", username, "password", password));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return browser;
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with the CSRF token taken from {@code page}. */
    private HttpResponse<String> post(HttpClient browser, String path, String page, Map<String, String> fields)
            throws Exception {
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
        String body = fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
