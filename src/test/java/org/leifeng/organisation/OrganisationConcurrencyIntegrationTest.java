package org.leifeng.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.leifeng.support.Concurrently;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

@LeifengTest
class OrganisationConcurrencyIntegrationTest {

    @Autowired
    TestClient client;

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
}
