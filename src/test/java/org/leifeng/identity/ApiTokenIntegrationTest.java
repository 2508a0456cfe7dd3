package org.leifeng.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.Problems;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@LeifengTest
class ApiTokenIntegrationTest {

    private static final String PASSWORD = "Token-test-pass-1";

    @Autowired
    TestClient client;

    @Autowired
    JdbcClient jdbc;

    private String freshAccount() {
        String username = TestClient.unique("token.");
        client.newAccount(client.adminToken(), username, PASSWORD, "VOLUNTEER", 1);
        return username;
    }

    @Test
    void signInGivesA43CharacterTokenValidForTwelveHours() {
        String username = freshAccount();
        OffsetDateTime before = OffsetDateTime.now();

        TestClient.Answer answer = client.post("/api/v1/auth/token", null, Map.of("username", username, "password", PASSWORD));

        assertThat(answer.status()).isEqualTo(200);
        String token = answer.json().get("token").asString();
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        OffsetDateTime expiresAt = OffsetDateTime.parse(answer.json().get("expiresAt").asString());
        assertThat(expiresAt).isCloseTo(before.plusHours(12), within(2, ChronoUnit.MINUTES));
    }

    @Test
    void meAnswersWhoTheTokenBelongsTo() {
        String username = freshAccount();
        String token = client.tokenFor(username, PASSWORD);

        TestClient.Answer me = client.get("/api/v1/me", token);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo(username);
        assertThat(me.json().get("id").asLong()).isPositive();
        assertThat(me.json().get("grants")).hasSize(1);
        assertThat(me.json().get("grants").get(0).get("role").asString()).isEqualTo("VOLUNTEER");
        assertThat(me.json().get("grants").get(0).get("organisationId").asLong()).isEqualTo(1L);
    }

    @Test
    void wrongPasswordIsRefusedWith401Problem() {
        String username = freshAccount();

        TestClient.Answer answer = client.post("/api/v1/auth/token", null,
                Map.of("username", username, "password", "not-the-password"));

        Problems.assertProblem(answer, 401);
        assertThat(answer.body()).doesNotContain("token\":");
    }

    @Test
    void unknownUsernameIsRefusedLikeAWrongPassword() {
        TestClient.Answer answer = client.post("/api/v1/auth/token", null,
                Map.of("username", TestClient.unique("nobody."), "password", PASSWORD));

        Problems.assertProblem(answer, 401);
    }

    @Test
    void rejectsForgedToken() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(random);

        Problems.assertProblem(client.get("/api/v1/me", forged), 401);
        Problems.assertProblem(client.get("/api/v1/me", "x".repeat(500)), 401);
    }

    @Test
    void apiWithoutTokenAnswers401() {
        Problems.assertProblem(client.get("/api/v1/me", null), 401);
    }

    @Test
    void rejectsTokenRevokedByLogout() {
        String username = freshAccount();
        String token = client.tokenFor(username, PASSWORD);
        String other = client.tokenFor(username, PASSWORD);

        TestClient.Answer logout = client.post("/api/v1/auth/logout", token, null);

        assertThat(logout.status()).isEqualTo(204);
        Problems.assertProblem(client.get("/api/v1/me", token), 401);
        assertThat(client.get("/api/v1/me", other).status()).as("logout ends only the token it carries").isEqualTo(200);
    }

    @Test
    void rejectsExpiredToken() {
        String username = freshAccount();
        String token = client.tokenFor(username, PASSWORD);
        assertThat(client.get("/api/v1/me", token).status()).isEqualTo(200);

        int updated = jdbc.sql("""
                UPDATE api_token SET created_at = now() - interval '2 day', expires_at = now() - interval '1 hour'
                WHERE token_hash = :hash""").param("hash", sha256(token)).update();

        assertThat(updated).isEqualTo(1);
        Problems.assertProblem(client.get("/api/v1/me", token), 401);
    }

    @Test
    void databaseKeepsOnlyTheSha256OfTheToken() {
        String username = freshAccount();
        String token = client.tokenFor(username, PASSWORD);

        List<byte[]> hashes = jdbc.sql("""
                SELECT t.token_hash FROM api_token t JOIN account a ON a.id = t.account_id WHERE a.username = :username""")
                .param("username", username).query(byte[].class).list();
        assertThat(hashes).hasSize(1);
        assertThat(hashes.get(0)).hasSize(32).isEqualTo(sha256(token));

        long rowsWithTokenText = jdbc.sql("SELECT count(*) FROM api_token t WHERE position(:token IN t::text) > 0")
                .param("token", token).query(Long.class).single();
        long auditWithTokenText = jdbc.sql("SELECT count(*) FROM audit_log l WHERE position(:token IN l::text) > 0")
                .param("token", token).query(Long.class).single();
        assertThat(rowsWithTokenText).isZero();
        assertThat(auditWithTokenText).isZero();
    }

    @Test
    void passwordChangeRevokesEveryTokenOfTheAccount() {
        String username = freshAccount();
        String first = client.tokenFor(username, PASSWORD);
        String second = client.tokenFor(username, PASSWORD);
        String newPassword = "Changed-pass-2";

        TestClient.Answer change = client.put("/api/v1/me/password", first,
                Map.of("currentPassword", PASSWORD, "newPassword", newPassword));

        assertThat(change.status()).isEqualTo(204);
        Problems.assertProblem(client.get("/api/v1/me", first), 401);
        Problems.assertProblem(client.get("/api/v1/me", second), 401);
        assertThat(client.post("/api/v1/auth/token", null, Map.of("username", username, "password", PASSWORD)).status())
                .isEqualTo(401);
        String fresh = client.tokenFor(username, newPassword);
        assertThat(client.get("/api/v1/me", fresh).status()).isEqualTo(200);
    }

    @Test
    void passwordChangeWithWrongCurrentPasswordChangesNothing() {
        String username = freshAccount();
        String token = client.tokenFor(username, PASSWORD);

        TestClient.Answer change = client.put("/api/v1/me/password", token,
                Map.of("currentPassword", "wrong-current-1", "newPassword", "Changed-pass-3"));

        assertThat(change.status()).isBetween(400, 499);
        Problems.assertProblem(change, change.status());
        assertThat(client.get("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(client.tokenFor(username, PASSWORD)).hasSize(43);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
