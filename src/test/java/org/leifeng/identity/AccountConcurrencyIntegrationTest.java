package org.leifeng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.leifeng.support.Concurrently;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.Problems;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@LeifengTest
class AccountConcurrencyIntegrationTest {

    @Autowired
    TestClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twentyConcurrentCreationsOfOneUsernameGiveExactlyOneAccount() throws Exception {
        String admin = client.adminToken();
        String username = TestClient.unique("race.");

        List<TestClient.Answer> answers = Concurrently.run(20,
                () -> client.createAccount(admin, username, "Race-pass-123", "VOLUNTEER", 1));

        Map<Integer, Long> statuses = answers.stream()
                .collect(Collectors.groupingBy(TestClient.Answer::status, Collectors.counting()));
        assertThat(statuses).as("statuses %s", statuses).containsOnlyKeys(201, 409);
        assertThat(statuses.get(201)).isEqualTo(1);
        assertThat(statuses.get(409)).isEqualTo(19);
        answers.stream().filter(answer -> answer.status() == 409).forEach(answer -> Problems.assertProblem(answer, 409));
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE lower(username) = lower(:u)").param("u", username)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void usernamesDifferingOnlyInCaseAreTheSameAccount() {
        String admin = client.adminToken();
        String username = TestClient.unique("case.");
        assertThat(client.createAccount(admin, username, "Case-pass-123", "VOLUNTEER", 1).status()).isEqualTo(201);

        Problems.assertProblem(client.createAccount(admin, username.toUpperCase(), "Case-pass-123", "VOLUNTEER", 1), 409);
    }

}
