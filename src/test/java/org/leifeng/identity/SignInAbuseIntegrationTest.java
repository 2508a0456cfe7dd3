package org.leifeng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.leifeng.platform.ClientThrottle;
import org.leifeng.platform.Throttles;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.People;
import org.leifeng.support.Problems;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guessing, spraying and probing from one client address. Each test plays addresses of its own through
 * {@code X-Forwarded-For} (trusted from the suite's 127.0.0.1, see application-test.yml), so the allowances it
 * lowers and the failures it causes touch no other test.
 */
@LeifengTest
class SignInAbuseIntegrationTest {

    private static final String PASSWORD = "Abuse-test-pass-1";

    @Autowired
    TestClient client;

    @Autowired
    ClientThrottle throttle;

    @Autowired
    JdbcClient jdbc;

    private static String freshAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private String freshAccount() {
        String username = TestClient.unique("abuse.");
        client.newAccount(client.adminToken(), username, PASSWORD, "VOLUNTEER", 1);
        return username;
    }

    private TestClient.Answer post(String path, String address, Object body) {
        HttpRequest.Builder request = client.request(path, null).header("X-Forwarded-For", address)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonMapper.builder().build().writeValueAsString(body)));
        return client.send(request.build());
    }

    private TestClient.Answer signIn(String address, String username, String password) {
        return post("/api/v1/auth/token", address, Map.of("username", username, "password", password));
    }

    private static void assertTooMany(TestClient.Answer answer) {
        Problems.assertProblem(answer, 429);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
    }

    @Test
    void signInsFromOneAddressBeyondItsAllowanceAreRefusedWith429AndRetryAfter() throws Exception {
        String address = freshAddress();
        try (AutoCloseable lowered = Throttles.lowered(throttle, ClientThrottle.Action.SIGN_IN, 3, 100)) {
            for (int i = 1; i <= 3; i++) {
                Problems.assertProblem(signIn(address, TestClient.unique("sprayed."), "Spray-guess-2026"), 401);
            }

            TestClient.Answer refused = signIn(address, TestClient.unique("sprayed."), "Spray-guess-2026");

            assertTooMany(refused);
            assertThat(refused.json().get("detail").asString()).contains("Too many requests from your network");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
            Problems.assertProblem(signIn(freshAddress(), TestClient.unique("sprayed."), "Spray-guess-2026"), 401);
        }
    }

    @Test
    void registrationsFromOneAddressBeyondItsAllowanceAreRefusedBeforeSayingWhatIsTaken() throws Exception {
        String address = freshAddress();
        String takenPhone = TestClient.uniquePhone();
        assertThat(client.post("/api/v1/volunteers", null, People.registration(People.adultId(), takenPhone)).status())
                .isEqualTo(201);
        try (AutoCloseable lowered = Throttles.lowered(throttle, ClientThrottle.Action.REGISTRATION, 2, 100)) {
            for (int probe = 1; probe <= 2; probe++) {
                Problems.assertProblem(post("/api/v1/volunteers", address,
                        People.registration(People.adultId(), takenPhone)), 409);
            }

            TestClient.Answer refused = post("/api/v1/volunteers", address,
                    People.registration(People.adultId(), takenPhone));

            assertTooMany(refused);
            assertThat(refused.body()).doesNotContain("phoneTaken");
        }
    }

    @Test
    void aStrangersWrongPasswordsFromOneAddressDoNotStopTheOwnerSigningInFromAnother() {
        String username = freshAccount();
        String stranger = freshAddress();
        for (int attempt = 1; attempt <= 5; attempt++) {
            Problems.assertProblem(signIn(stranger, username, "stranger-guess-" + attempt), 401);
        }
        assertTooMany(signIn(stranger, username, "stranger-guess-6"));

        TestClient.Answer owner = signIn(freshAddress(), username, PASSWORD);

        assertThat(owner.status()).isEqualTo(200);
        assertThat(owner.json().get("token").asString()).hasSize(43);
        assertTooMany(signIn(stranger, username, PASSWORD));
    }

    @Test
    void tenFailuresFromAnywhereSlowTheAccountToOneAttemptAMinuteForEveryone() {
        String username = freshAccount();
        for (int attempt = 1; attempt <= 10; attempt++) {
            Problems.assertProblem(signIn(freshAddress(), username, "crowd-guess-" + attempt), 401);
        }

        TestClient.Answer paced = signIn(freshAddress(), username, PASSWORD);

        assertTooMany(paced);
        assertThat(Long.parseLong(paced.header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void anUnknownUsernameIsPacedLikeAKnownOneSoThePaceDoesNotTellWhichExist() {
        String address = freshAddress();
        String unknown = TestClient.unique("nobody.");
        for (int attempt = 1; attempt <= 5; attempt++) {
            Problems.assertProblem(signIn(address, unknown, "any-guess-" + attempt), 401);
        }

        assertTooMany(signIn(address, unknown, "any-guess-6"));
    }

    @Test
    void failuresAreKeptWithoutTheTypedUsernameOrTheAddressInClear() {
        String address = freshAddress();
        String phone = TestClient.uniquePhone();
        String username = freshAccount();
        signIn(address, phone, "wrong-guess-1");
        signIn(address, username, "wrong-guess-2");

        List<String> rows = jdbc.sql("SELECT t::text FROM sign_in_failure t").query(String.class).list();

        assertThat(rows).isNotEmpty();
        assertThat(String.join("\n", rows)).doesNotContain(phone, username, address);
    }
}
