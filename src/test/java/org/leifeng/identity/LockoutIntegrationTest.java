package org.leifeng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leifeng.support.Concurrently;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.Problems;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Wrong passwords from one address (the suite's 127.0.0.1) on one account: after five, that address waits before its
 * next password is checked. Every test signs in as its own fresh account: a wait must never hit accounts other tests
 * use. Other addresses and the account-wide pace: SignInAbuseIntegrationTest.
 */
@LeifengTest
class LockoutIntegrationTest {

    private static final String PASSWORD = "Lockout-test-pass-1";

    @Autowired
    TestClient client;

    private String freshAccount() {
        String username = TestClient.unique("lockout.");
        client.newAccount(client.adminToken(), username, PASSWORD, "VOLUNTEER", 1);
        return username;
    }

    private TestClient.Answer signIn(String username, String password) {
        return client.post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
    }

    @Test
    void fiveFailuresFromOneAddressMakeItWaitEvenWithTheRightPassword() {
        String username = freshAccount();
        for (int attempt = 1; attempt <= 5; attempt++) {
            Problems.assertProblem(signIn(username, "wrong-password-" + attempt), 401);
        }

        TestClient.Answer locked = signIn(username, PASSWORD);

        Problems.assertProblem(locked, 429);
        assertThat(locked.header("Retry-After")).isNotNull();
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(locked.body()).doesNotContain("\"token\"");
    }

    @Test
    void aWaitingAddressKeepsWaitingForFurtherWrongPasswords() {
        String username = freshAccount();
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(username, "wrong-password-" + attempt);
        }

        Problems.assertProblem(signIn(username, "wrong-again"), 429);
        Problems.assertProblem(signIn(username, PASSWORD), 429);
    }

    @Test
    void aWaitOnOneAccountLeavesAnotherUnaffected() {
        String locked = freshAccount();
        String other = freshAccount();
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(locked, "wrong-password-" + attempt);
        }
        Problems.assertProblem(signIn(locked, PASSWORD), 429);

        TestClient.Answer answer = signIn(other, PASSWORD);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("token").asString()).hasSize(43);
    }

    @Test
    void usernameCaseDoesNotEscapeTheWait() {
        String username = freshAccount();
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(attempt % 2 == 0 ? username.toUpperCase() : username, "wrong-password-" + attempt);
        }

        Problems.assertProblem(signIn(username.toUpperCase(), PASSWORD), 429);
    }

    @Test
    void fourFailuresThenSuccessSignsInAndStartsTheCountAfresh() {
        String username = freshAccount();
        for (int attempt = 1; attempt <= 4; attempt++) {
            Problems.assertProblem(signIn(username, "wrong-password-" + attempt), 401);
        }

        assertThat(signIn(username, PASSWORD).status()).isEqualTo(200);

        for (int attempt = 1; attempt <= 4; attempt++) {
            Problems.assertProblem(signIn(username, "wrong-again-" + attempt), 401);
        }
        assertThat(signIn(username, PASSWORD).status())
                .as("a success clears earlier failures, so four more do not lock").isEqualTo(200);
    }

    @Test
    void parallelGuessesFromOneAddressGetNoMoreThanFiveTries() throws Exception {
        String username = freshAccount();

        List<TestClient.Answer> answers = Concurrently.run(15, () -> signIn(username, "parallel-guess"));

        assertThat(answers).extracting(TestClient.Answer::status).containsOnly(401, 429);
        assertThat(answers.stream().filter(answer -> answer.status() == 401).count())
                .as("passwords checked while the account should already be locked").isLessThanOrEqualTo(5);
        Problems.assertProblem(signIn(username, PASSWORD), 429);
    }
}
