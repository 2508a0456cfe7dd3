package org.leifeng;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

@LeifengTest
class SmokeIntegrationTest {

    @Autowired
    TestClient client;

    @Test
    void healthReportsUpWithTheDatabase() {
        TestClient.Answer health = client.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }
}
