package org.leifeng.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.leifeng.support.Concurrently;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@LeifengTest
class OrganisationConcurrencyIntegrationTest {

    @Autowired
    TestClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void tenConcurrentCreationsOfOneSiblingNameGiveExactlyOneOrganisation() throws Exception {
        String admin = client.adminToken();
        long parent = client.newOrganisation(admin, TestClient.unique("并发父"), "AGENCY",
                client.organisationId("午朝门街道", admin));
        String name = TestClient.unique("并发单位");

        List<TestClient.Answer> answers = Concurrently.run(10,
                () -> client.createOrganisation(admin, name, "AGENCY", parent));

        Map<Integer, Long> statuses = answers.stream()
                .collect(Collectors.groupingBy(TestClient.Answer::status, Collectors.counting()));
        assertThat(statuses).as("statuses %s", statuses).containsOnlyKeys(201, 409);
        assertThat(statuses.get(201)).isEqualTo(1);
        assertThat(statuses.get(409)).isEqualTo(9);
        assertThat(client.get("/api/v1/organisations/" + parent + "/children", admin).json().get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void concurrentCreationsOfDistinctNamesAllSucceedWithDistinctPaths() throws Exception {
        String admin = client.adminToken();
        long parent = client.newOrganisation(admin, TestClient.unique("并发父"), "AGENCY",
                client.organisationId("午朝门街道", admin));

        List<TestClient.Answer> answers = Concurrently.run(10,
                () -> client.createOrganisation(admin, TestClient.unique("并发不同名"), "AGENCY", parent));

        assertThat(answers).extracting(TestClient.Answer::status).containsOnly(201);
        assertThat(answers.stream().map(answer -> answer.json().get("path").asString()).distinct()).hasSize(10);
    }

    @Test
    void crossedConcurrentMovesNeverMakeACycle() throws Exception {
        String admin = client.adminToken();
        long street = client.organisationId("午朝门街道", admin);
        for (int round = 0; round < 5; round++) {
            long a = client.newOrganisation(admin, TestClient.unique("交叉A"), "AGENCY", street);
            long b = client.newOrganisation(admin, TestClient.unique("交叉B"), "AGENCY", street);
            AtomicInteger turn = new AtomicInteger();

            List<TestClient.Answer> answers = Concurrently.run(2, () -> turn.getAndIncrement() == 0
                    ? client.post("/api/v1/organisations/" + a + "/move", admin, Map.of("parentId", b))
                    : client.post("/api/v1/organisations/" + b + "/move", admin, Map.of("parentId", a)));

            assertThat(answers).extracting(TestClient.Answer::status).containsExactlyInAnyOrder(200, 422);
            String pathA = client.get("/api/v1/organisations/" + a, admin).json().get("path").asString();
            String pathB = client.get("/api/v1/organisations/" + b, admin).json().get("path").asString();
            assertThat(pathA.startsWith(pathB) ^ pathB.startsWith(pathA)).as("%s and %s", pathA, pathB).isTrue();
        }
        assertTreeIsConsistent();
    }

    @Test
    void deactivationRacingWithCreationsNeverLeavesAnActiveChildUnderAnInactiveParent() throws Exception {
        String admin = client.adminToken();
        long street = client.organisationId("午朝门街道", admin);
        for (int round = 0; round < 3; round++) {
            long parent = client.newOrganisation(admin, TestClient.unique("竞态父"), "AGENCY", street);
            AtomicInteger turn = new AtomicInteger();

            List<TestClient.Answer> answers = Concurrently.run(8, () -> turn.getAndIncrement() == 0
                    ? client.post("/api/v1/organisations/" + parent + "/deactivate", admin, null)
                    : client.createOrganisation(admin, TestClient.unique("竞态子"), "AGENCY", parent));

            assertThat(answers).extracting(TestClient.Answer::status).allMatch(status -> status == 200 || status == 201
                    || status == 422);
            boolean parentActive = client.get("/api/v1/organisations/" + parent, admin).json().get("active").asBoolean();
            long activeChildren = jdbc.sql("SELECT count(*) FROM organisation WHERE parent_id = :p AND active")
                    .param("p", parent).query(Long.class).single();
            assertThat(parentActive || activeChildren == 0)
                    .as("parent active=%s with %s active children", parentActive, activeChildren).isTrue();
        }
    }

    /** Every path is the parent's path plus the id, and every depth the parent's plus one. */
    private void assertTreeIsConsistent() {
        List<String> broken = new ArrayList<>(jdbc.sql("""
                SELECT c.id || ' ' || c.path FROM organisation c JOIN organisation p ON p.id = c.parent_id
                WHERE c.path <> p.path || c.id || '/' OR c.depth <> p.depth + 1""").query(String.class).list());
        assertThat(broken).isEmpty();
    }
}
