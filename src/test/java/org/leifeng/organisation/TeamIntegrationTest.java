package org.leifeng.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Founding teams, who sees them and who manages them. */
@LeifengTest
class TeamIntegrationTest {

    @Autowired
    TestClient client;

    @Autowired
    Teams teams;

    TeamFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new TeamFixture(client);
    }

    @Test
    void districtAdministratorFoundsATeamWhoseLeaderBecomesMemberAndTeamLeader() {
        long longting = fixture.district("龙亭区");
        TeamFixture.Person leader = fixture.volunteer(longting);
        String name = TestClient.unique("龙亭区测试队");

        TestClient.Answer created = fixture.createTeam(fixture.demoAdmin("longting"), longting, name, leader.id());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/teams/" + created.id());
        assertThat(created.json().get("name").asString()).isEqualTo(name);
        assertThat(created.json().get("inviteCode").asString()).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}");
        assertThat(teams.memberAccountIds(created.id())).containsExactly(leader.id());
        JsonNode me = client.get("/api/v1/me", leader.token()).json();
        assertThat(me.get("grants").valueStream()).anyMatch(grant -> grant.get("role").asString().equals("TEAM_LEADER")
                && grant.get("organisationId").asLong() == longting);
        assertThat(client.get("/api/v1/me/teams", leader.token()).json().get("items").get(0).get("leader").asBoolean())
                .isTrue();
    }

    @Test
    void sameNameInAnyCaseIsAConflictWithinOneOrganisation() {
        TeamFixture.Team team = fixture.team("Name-Case-");
        String name = client.get("/api/v1/teams/" + team.id(), team.leader().token()).json().get("name").asString();

        TestClient.Answer again = fixture.createTeam(fixture.demoAdmin("longting"), team.organisationId(),
                name.toLowerCase(), team.leader().id());

        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void districtAdministratorCannotFoundATeamInAnotherDistrict() {
        long gulou = fixture.district("鼓楼区");
        TeamFixture.Person someone = fixture.volunteer(fixture.district("龙亭区"));

        TestClient.Answer refused = fixture.createTeam(fixture.demoAdmin("longting"), gulou,
                TestClient.unique("越界队"), someone.id());

        assertThat(refused.status()).isEqualTo(404);
    }

    @Test
    void aTeamOfAnotherDistrictIsNotVisible() {
        long gulou = fixture.district("鼓楼区");
        TeamFixture.Person leader = fixture.volunteer(gulou);
        String name = TestClient.unique("鼓楼区测试队");
        long gulouTeam = fixture.createTeam(fixture.demoAdmin("gulou"), gulou, name, leader.id()).id();
        String longtingAdmin = fixture.demoAdmin("longting");

        assertThat(client.get("/api/v1/teams/" + gulouTeam, longtingAdmin).status()).isEqualTo(404);
        assertThat(client.get("/api/v1/teams?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                longtingAdmin).json().get("total").asLong()).isZero();
        assertThat(client.get("/api/v1/teams?organisationId=" + gulou, longtingAdmin).status()).isEqualTo(404);
        assertThat(client.post("/api/v1/teams/" + gulouTeam + "/join-requests", longtingAdmin, Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void inviteCodeIsShownOnlyToThoseWhoManageTheTeam() {
        TeamFixture.Team team = fixture.team("Code-Shown-");
        TeamFixture.Person neighbour = fixture.volunteer(team.organisationId());

        JsonNode seenByNeighbour = client.get("/api/v1/teams/" + team.id(), neighbour.token()).json();
        JsonNode seenByLeader = client.get("/api/v1/teams/" + team.id(), team.leader().token()).json();

        assertThat(seenByNeighbour.has("inviteCode")).isFalse();
        assertThat(seenByLeader.get("inviteCode").asString()).isEqualTo(team.inviteCode());
    }

    @Test
    void leaderHandsTheTeamToAMemberWhoThenLeadsIt() {
        TeamFixture.Team team = fixture.team("Handover-");
        TeamFixture.Person member = fixture.volunteer(team.organisationId());
        client.post("/api/v1/teams/join", member.token(), Map.of("inviteCode", team.inviteCode()));

        TestClient.Answer changed = client.patch("/api/v1/teams/" + team.id(), team.leader().token(),
                Map.of("leaderAccountId", member.id()));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("leaderAccountId").asLong()).isEqualTo(member.id());
        assertThat(client.get("/api/v1/teams/" + team.id() + "/members", member.token()).status()).isEqualTo(200);
        assertThat(client.post("/api/v1/teams/" + team.id() + "/leave", member.token(), null).status()).isEqualTo(422);
    }

    @Test
    void onlyAnAdministratorDeactivatesATeamAndADeactivatedTeamTakesNobody() {
        TeamFixture.Team team = fixture.team("Deactivate-");
        TeamFixture.Person newcomer = fixture.volunteer(team.organisationId());

        assertThat(client.patch("/api/v1/teams/" + team.id(), team.leader().token(), Map.of("active", false)).status())
                .isEqualTo(403);
        assertThat(client.patch("/api/v1/teams/" + team.id(), fixture.demoAdmin("longting"), Map.of("active", false))
                .json().get("active").asBoolean()).isFalse();
        assertThat(client.post("/api/v1/teams/join", newcomer.token(), Map.of("inviteCode", team.inviteCode())).status())
                .isEqualTo(422);
    }
}
