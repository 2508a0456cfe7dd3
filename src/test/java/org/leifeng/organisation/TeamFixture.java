package org.leifeng.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.leifeng.support.TestClient;
import tools.jackson.databind.JsonNode;

/** Accounts, tokens and teams in the demo city for the team tests, all through the API. */
final class TeamFixture {

    static final String PASSWORD = "team-test-password";

    private final TestClient client;
    private final String adminToken;

    TeamFixture(TestClient client) {
        this.client = client;
        this.adminToken = client.adminToken();
    }

    long district(String name) {
        JsonNode found = client.get("/api/v1/organisations?type=DISTRICT&q="
                + URLEncoder.encode(name, StandardCharsets.UTF_8), adminToken).json();
        for (JsonNode item : found.get("items")) {
            if (item.get("name").asString().equals(name)) {
                return item.get("id").asLong();
            }
        }
        throw new IllegalStateException("no district " + name);
    }

    /** A new account with a VOLUNTEER grant over {@code organisationId}: its id and a token. */
    Person volunteer(long organisationId) {
        String username = TestClient.unique("team.vol.");
        TestClient.Answer created = client.post("/api/v1/accounts", adminToken, Map.of("username", username,
                "password", PASSWORD, "grants", List.of(Map.of("role", "VOLUNTEER", "organisationId", organisationId))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Person(created.id(), client.tokenFor(username, PASSWORD));
    }

    String demoAdmin(String pinyin) {
        return client.tokenFor(pinyin + ".admin", TestClient.DEMO_PASSWORD);
    }

    TestClient.Answer createTeam(String token, long organisationId, String name, long leaderAccountId) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", organisationId);
        body.put("name", name);
        body.put("description", "测试用志愿服务队");
        body.put("leaderAccountId", leaderAccountId);
        return client.post("/api/v1/teams", token, body);
    }

    /** A team under 龙亭区 founded by its administrator and led by a new volunteer. */
    Team team(String prefix) {
        long longting = district("龙亭区");
        Person leader = volunteer(longting);
        TestClient.Answer created = createTeam(demoAdmin("longting"), longting, TestClient.unique(prefix), leader.id());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Team(created.id(), created.json().get("inviteCode").asString(), leader, longting);
    }

    /** Every membership row of the account in the team, live or closed, as the leader sees them. */
    List<JsonNode> membershipsOf(Team team, long accountId) {
        JsonNode members = client.get("/api/v1/teams/" + team.id() + "/members?history=true&size=200",
                team.leader().token()).json();
        return members.get("items").valueStream().filter(member -> member.get("accountId").asLong() == accountId).toList();
    }

    record Person(long id, String token) {
    }

    record Team(long id, String inviteCode, Person leader, long organisationId) {
    }
}
