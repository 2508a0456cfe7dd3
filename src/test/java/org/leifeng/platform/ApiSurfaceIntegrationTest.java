package org.leifeng.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.Problems;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

@LeifengTest
class ApiSurfaceIntegrationTest {

    @Autowired
    TestClient client;

    @Test
    void problemDetailsNameThingsInTheCallersLanguageAndPrintIdsAsWritten() {
        HttpRequest chinese = client.request("/api/v1/organisations/1234567", client.adminToken())
                .setHeader("Accept-Language", "zh-CN").GET().build();
        TestClient.Answer missing = client.send(chinese);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).isEqualTo("未找到编号为 1234567 的组织，或您无权查看。");
    }

    @Test
    void openApiDocumentListsTheOrganisationApi() {
        TestClient.Answer docs = client.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi")).isNotNull();
        assertThat(docs.json().get("paths").get("/api/v1/organisations")).isNotNull();
        assertThat(docs.json().get("paths").get("/api/v1/organisations/{id}/move")).isNotNull();
        assertThat(docs.json().get("paths").get("/api/v1/auth/token")).isNotNull();
        assertThat(docs.json().get("paths").get("/api/v1/accounts")).isNotNull();
    }

    @Test
    void prometheusEndpointExposesJvmMetrics() {
        TestClient.Answer metrics = client.get("/actuator/prometheus", null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body()).contains("jvm_");
    }

    @Test
    void unknownApiPathIs404Problem() {
        Problems.assertProblem(client.get("/api/v1/no-such-thing", client.adminToken()), 404);
    }

    @Test
    void unknownApiPathWithoutTokenIs401Problem() {
        Problems.assertProblem(client.get("/api/v1/no-such-thing", null), 401);
    }

    @Test
    void wrongMethodIs405Problem() {
        Problems.assertProblem(client.delete("/api/v1/organisations", client.adminToken()), 405);
    }

    @Test
    void aPathWithVariablesAskedWithAMethodItDoesNotTakeIs405NamingTheOnesItTakes() {
        TestClient.Answer answer = client.delete("/api/v1/organisations/1/move", client.adminToken());

        Problems.assertProblem(answer, 405);
        assertThat(answer.header("Allow")).isEqualTo("POST");
    }

    @Test
    void aProblemAnsweredOutsideAControllerNamesTheRequestedPathAsItsInstance() {
        TestClient.Answer answer = client.post("/api/v1/shifts/1/attendance-options", client.adminToken(),
                Map.of("walkIns", true));

        Problems.assertProblem(answer, 405);
        assertThat(answer.json().get("instance").asString()).isEqualTo("/api/v1/shifts/1/attendance-options");
    }

    @Test
    void aPathWithVariablesFindsItsMethodAmongMappingsOfTheSameShape() {
        String admin = client.adminToken();

        assertThat(client.get("/api/v1/organisations/1/children?size=1", admin).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/organisations/1", admin).json().get("id").asLong()).isEqualTo(1);
        Problems.assertProblem(client.get("/api/v1/organisations/1/no-such-part", admin), 404);
    }

    @Test
    void pagedAnswersHaveItemsPageSizeAndTotal() {
        TestClient.Answer page = client.get("/api/v1/organisations/1/children?page=1&size=3", client.adminToken());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(3);
        assertThat(page.json().get("page").asInt()).isEqualTo(1);
        assertThat(page.json().get("size").asInt()).isEqualTo(3);
        assertThat(page.json().get("total").asLong()).isGreaterThanOrEqualTo(11);
    }

    @Test
    void problemDetailsFollowTheCallersLanguage() {
        TestClient.Answer english = client.get("/api/v1/me", null);
        TestClient.Answer chinese = client.send(HttpRequest.newBuilder(
                URI.create(client.baseUrl() + "/api/v1/me")).GET().build());

        Problems.assertProblem(english, 401);
        Problems.assertProblem(chinese, 401);
        assertThat(english.json().get("detail").asString()).isNotEqualTo(chinese.json().get("detail").asString());
    }
}
