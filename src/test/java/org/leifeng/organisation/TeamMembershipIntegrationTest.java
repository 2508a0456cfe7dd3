package org.leifeng.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Asking to join, deciding, invite codes, leaving and removal. */
@LeifengTest
class TeamMembershipIntegrationTest {

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
    void approvedJoinRequestMakesTheAskerAMember() {
        TeamFixture.Team team = fixture.team("Approve-");
        TeamFixture.Person asker = fixture.volunteer(team.organisationId());

        TestClient.Answer asked = client.post("/api/v1/teams/" + team.id() + "/join-requests", asker.token(),
                Map.of("message", "我想参加周末的活动"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().get("status").asString()).isEqualTo("PENDING");
        JsonNode pending = client.get("/api/v1/teams/" + team.id() + "/join-requests?status=PENDING",
                team.leader().token()).json();
        assertThat(pending.get("total").asLong()).isEqualTo(1);

        TestClient.Answer approved = client.post("/api/v1/join-requests/" + asked.id() + "/approve",
                team.leader().token(), null);

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(teams.isLiveMember(team.id(), asker.id())).isTrue();
        assertThat(client.get("/api/v1/me/teams", asker.token()).json().get("items").get(0).get("teamId").asLong())
                .isEqualTo(team.id());
        assertThat(client.post("/api/v1/join-requests/" + asked.id() + "/approve", team.leader().token(), null).status())
                .isEqualTo(409);
        JsonNode audit = client.get("/api/v1/audit?action=team.joinApproved&size=200", fixture.demoAdmin("longting")).json();
        assertThat(audit.get("items").valueStream()).anyMatch(entry -> entry.get("entityId").asString()
                .equals(Long.toString(asked.id())) && entry.get("outcome").asInt() == 200);
    }

    @Test
    void rejectedJoinRequestKeepsTheReasonAndTheAskerMayAskAgain() {
        TeamFixture.Team team = fixture.team("Reject-");
        TeamFixture.Person asker = fixture.volunteer(team.organisationId());
        long requestId = client.post("/api/v1/teams/" + team.id() + "/join-requests", asker.token(), Map.of()).id();

        TestClient.Answer rejected = client.post("/api/v1/join-requests/" + requestId + "/reject",
                fixture.demoAdmin("longting"), Map.of("reason", "本队只招收北书店街道居民"));

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("reason").asString()).isEqualTo("本队只招收北书店街道居民");
        assertThat(teams.isLiveMember(team.id(), asker.id())).isFalse();
        assertThat(client.post("/api/v1/teams/" + team.id() + "/join-requests", asker.token(), Map.of()).status())
                .isEqualTo(201);
    }

    @Test
    void rejectionWithoutAReasonIsInvalid() {
        TeamFixture.Team team = fixture.team("Reject-Blank-");
        TeamFixture.Person asker = fixture.volunteer(team.organisationId());
        long requestId = client.post("/api/v1/teams/" + team.id() + "/join-requests", asker.token(), Map.of()).id();

        assertThat(client.post("/api/v1/join-requests/" + requestId + "/reject", team.leader().token(),
                Map.of("reason", " ")).status()).isEqualTo(400);
    }

    @Test
    void askingAgainWhileARequestIsPendingOrAsAMemberIsAConflict() {
        TeamFixture.Team team = fixture.team("Twice-");
        TeamFixture.Person asker = fixture.volunteer(team.organisationId());
        client.post("/api/v1/teams/" + team.id() + "/join-requests", asker.token(), Map.of());

        TestClient.Answer again = client.post("/api/v1/teams/" + team.id() + "/join-requests", asker.token(), Map.of());
        TestClient.Answer byLeader = client.post("/api/v1/teams/" + team.id() + "/join-requests",
                team.leader().token(), Map.of());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(byLeader.status()).isEqualTo(409);
    }

    @Test
    void inviteCodeLetsAnyoneJoinAtOnceEvenFromAnotherDistrict() {
        TeamFixture.Team team = fixture.team("Code-");
        TeamFixture.Person outsider = fixture.volunteer(fixture.district("鼓楼区"));
        assertThat(client.get("/api/v1/teams/" + team.id(), outsider.token()).status()).isEqualTo(404);

        TestClient.Answer joined = client.post("/api/v1/teams/join", outsider.token(),
                Map.of("inviteCode", team.inviteCode().toLowerCase()));

        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        assertThat(joined.json().get("id").asLong()).isEqualTo(team.id());
        assertThat(teams.isLiveMember(team.id(), outsider.id())).isTrue();
        assertThat(client.get("/api/v1/teams/" + team.id(), outsider.token()).status()).isEqualTo(200);
        assertThat(client.post("/api/v1/teams/join", outsider.token(), Map.of("inviteCode", team.inviteCode())).status())
                .isEqualTo(409);
    }

    @Test
    void wrongOrReplacedInviteCodeIsNotFound() {
        TeamFixture.Team team = fixture.team("Wrong-Code-");
        TeamFixture.Person someone = fixture.volunteer(team.organisationId());

        assertThat(client.post("/api/v1/teams/join", someone.token(), Map.of("inviteCode", "22222222")).status())
                .isEqualTo(404);
        TestClient.Answer regenerated = client.post("/api/v1/teams/" + team.id() + "/invite-code", team.leader().token(), null);
        assertThat(regenerated.json().get("inviteCode").asString()).isNotEqualTo(team.inviteCode());
        assertThat(client.post("/api/v1/teams/join", someone.token(), Map.of("inviteCode", team.inviteCode())).status())
                .isEqualTo(404);
        assertThat(client.post("/api/v1/teams/" + team.id() + "/invite-code", someone.token(), null).status())
                .isEqualTo(403);
    }

    @Test
    void leavingAndRemovalAreKeptInHistoryAndRejoiningLaterWorks() {
        TeamFixture.Team team = fixture.team("History-");
        TeamFixture.Person member = fixture.volunteer(team.organisationId());
        String code = team.inviteCode();

        client.post("/api/v1/teams/join", member.token(), Map.of("inviteCode", code));
        assertThat(client.post("/api/v1/teams/" + team.id() + "/leave", member.token(), null).status()).isEqualTo(204);
        assertThat(teams.isLiveMember(team.id(), member.id())).isFalse();
        assertThat(client.post("/api/v1/teams/join", member.token(), Map.of("inviteCode", code)).status()).isEqualTo(200);
        assertThat(client.delete("/api/v1/teams/" + team.id() + "/members/" + member.id() + "?reason=长期未参加活动",
                team.leader().token()).status()).isEqualTo(204);
        assertThat(client.post("/api/v1/teams/join", member.token(), Map.of("inviteCode", code)).status()).isEqualTo(200);

        List<JsonNode> rows = fixture.membershipsOf(team, member.id());
        assertThat(rows).hasSize(3);
        assertThat(rows.stream().filter(row -> row.get("leftAt") == null)).hasSize(1);
        JsonNode left = ended(rows, "LEFT");
        assertThat(left.get("endedBy").asLong()).isEqualTo(member.id());
        JsonNode removed = ended(rows, "REMOVED");
        assertThat(removed.get("endedBy").asLong()).isEqualTo(team.leader().id());
        assertThat(removed.get("endNote").asString()).isEqualTo("长期未参加活动");
        assertThat(removed.get("leftAt").asString()).isNotBlank();
    }

    @Test
    void theLeaderCannotLeaveNorBeRemoved() {
        TeamFixture.Team team = fixture.team("Leader-Stays-");

        assertThat(client.post("/api/v1/teams/" + team.id() + "/leave", team.leader().token(), null).status())
                .isEqualTo(422);
        assertThat(client.delete("/api/v1/teams/" + team.id() + "/members/" + team.leader().id(),
                fixture.demoAdmin("longting")).status()).isEqualTo(422);
    }

    @Test
    void twentyConcurrentJoinsWithTheCodeByOneAccountMakeExactlyOneMembership() throws Exception {
        TeamFixture.Team team = fixture.team("Concurrent-");
        TeamFixture.Person member = fixture.volunteer(team.organisationId());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.post("/api/v1/teams/join", member.token(), Map.of("inviteCode", team.inviteCode()))
                            .status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(200, 409).filteredOn(status -> status == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixture.membershipsOf(team, member.id())).hasSize(1);
    }

    @Test
    void aPlainMemberCannotDecideRequestsButTheLeaderCan() {
        TeamFixture.Team team = fixture.team("Plain-Member-");
        TeamFixture.Person member = fixture.volunteer(team.organisationId());
        client.post("/api/v1/teams/join", member.token(), Map.of("inviteCode", team.inviteCode()));
        TeamFixture.Person asker = fixture.volunteer(team.organisationId());
        long requestId = client.post("/api/v1/teams/" + team.id() + "/join-requests", asker.token(), Map.of()).id();

        assertThat(client.post("/api/v1/join-requests/" + requestId + "/approve", member.token(), null).status())
                .isEqualTo(403);
        assertThat(client.get("/api/v1/teams/" + team.id() + "/members", member.token()).status()).isEqualTo(403);
        assertThat(client.post("/api/v1/join-requests/" + requestId + "/approve", team.leader().token(), null).status())
                .isEqualTo(200);
    }

    @Test
    void joiningWithTheCodeWithdrawsTheOpenRequest() {
        TeamFixture.Team team = fixture.team("Withdraw-");
        TeamFixture.Person asker = fixture.volunteer(team.organisationId());
        long requestId = client.post("/api/v1/teams/" + team.id() + "/join-requests", asker.token(), Map.of()).id();

        client.post("/api/v1/teams/join", asker.token(), Map.of("inviteCode", team.inviteCode()));

        JsonNode all = client.get("/api/v1/teams/" + team.id() + "/join-requests", team.leader().token()).json();
        assertThat(all.get("items").get(0).get("id").asLong()).isEqualTo(requestId);
        assertThat(all.get("items").get(0).get("status").asString()).isEqualTo("WITHDRAWN");
    }

    private static JsonNode ended(List<JsonNode> rows, String how) {
        return rows.stream().filter(row -> row.has("endReason") && row.get("endReason").asString().equals(how))
                .findFirst().orElseThrow(() -> new AssertionError("no membership ended " + how + " in " + rows));
    }
}
