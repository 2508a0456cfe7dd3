package org.leifeng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.People;
import org.leifeng.support.Problems;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

/** Every way a password is set refuses one that is easy to guess, naming the field, and writes nothing. */
@LeifengTest
class PasswordStrengthIntegrationTest {

    private static final String PASSWORD = "Strength-test-pass-1";

    @Autowired
    TestClient client;

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "password", "aaaaaaaa"})
    void refusesToCreateAnAccountWithAnEasilyGuessedPassword(String password) {
        String username = TestClient.unique("weak.");

        TestClient.Answer refused = client.createAccount(client.adminToken(), username, password, "VOLUNTEER", 1);

        Problems.assertInvalidField(refused, "password");
        assertThat(refused.body()).contains("too easy to guess");
        Problems.assertProblem(client.post("/api/v1/auth/token", null,
                Map.of("username", username, "password", password)), 401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "password", "woaini1314"})
    void refusesToRegisterAVolunteerWithAnEasilyGuessedPassword(String password) {
        String phone = TestClient.uniquePhone();
        Map<String, Object> registration = People.registration(People.adultId(), phone);
        registration.put("password", password);

        Problems.assertInvalidField(client.post("/api/v1/volunteers", null, registration), "password");
        registration.put("password", "volunteer-pass-1");
        assertThat(client.post("/api/v1/volunteers", null, registration).status()).as("nothing was written")
                .isEqualTo(201);
    }

    @Test
    void refusesARegistrationWhosePasswordIsTheVolunteersOwnPhoneNumber() {
        String phone = "1706938" + String.format("%04d", (int) (Math.random() * 10_000));
        Map<String, Object> registration = People.registration(People.adultId(), phone);
        registration.put("password", phone);

        Problems.assertInvalidField(client.post("/api/v1/volunteers", null, registration), "password");
    }

    @Test
    void refusesToChangeToAnEasilyGuessedPasswordAndKeepsTheOldOne() {
        String username = TestClient.unique("weak.change.");
        client.newAccount(client.adminToken(), username, PASSWORD, "VOLUNTEER", 1);
        String token = client.tokenFor(username, PASSWORD);

        TestClient.Answer refused = client.put("/api/v1/me/password", token,
                Map.of("currentPassword", PASSWORD, "newPassword", "aaaaaaaa"));

        Problems.assertInvalidField(refused, "newPassword");
        assertThat(client.get("/api/v1/me", token).status()).as("tokens still work").isEqualTo(200);
        assertThat(client.tokenFor(username, PASSWORD)).hasSize(43);
    }

    @Test
    void refusesToChangeToAPasswordMadeOfTheUsername() {
        String username = TestClient.unique("weak.name.");
        client.newAccount(client.adminToken(), username, PASSWORD, "VOLUNTEER", 1);
        String token = client.tokenFor(username, PASSWORD);

        Problems.assertInvalidField(client.put("/api/v1/me/password", token,
                Map.of("currentPassword", PASSWORD, "newPassword", username + "1")), "newPassword");
        assertThat(client.tokenFor(username, PASSWORD)).hasSize(43);
    }
}
