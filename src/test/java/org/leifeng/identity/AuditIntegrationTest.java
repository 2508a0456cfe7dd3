package org.leifeng.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@LeifengTest
class AuditIntegrationTest {

    @Autowired
    TestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    AuditWriter writer;

    private List<JsonNode> entries(String token, String action) {
        TestClient.Answer answer = client.get("/api/v1/audit?size=200&action=" + TestClient.encode(action), token);
        assertThat(answer.status()).as("audit answer %s", answer).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        answer.json().get("items").forEach(entries::add);
        return entries;
    }

    private static List<JsonNode> about(List<JsonNode> entries, long organisationId) {
        return entries.stream().filter(entry -> entry.get("organisationId") != null
                && entry.get("organisationId").asLong() == organisationId).toList();
    }

    @Test
    void creatingAnOrganisationIsAuditedWithActorAndOrganisation() {
        String admin = client.adminToken();
        long adminId = client.get("/api/v1/me", admin).json().get("id").asLong();
        String name = TestClient.unique("审计单位");
        long id = client.newOrganisation(admin, name, "AGENCY", client.organisationId("相国寺街道", admin));

        List<JsonNode> matching = about(entries(admin, "organisation.created"), id);

        assertThat(matching).hasSize(1);
        JsonNode entry = matching.get(0);
        assertThat(entry.get("action").asString()).isEqualTo("organisation.created");
        assertThat(entry.get("actorName").asString()).isEqualTo("admin");
        assertThat(entry.get("actorId").asLong()).isEqualTo(adminId);
        assertThat(entry.get("entityType").asString()).isEqualTo("organisation");
        assertThat(entry.get("entityId").asString()).isEqualTo(Long.toString(id));
        assertThat(entry.get("outcome").asInt()).isEqualTo(201);
        assertThat(entry.get("detail").asString()).isEqualTo(name);
        assertThat(entry.get("occurredAt")).isNotNull();
    }

    @Test
    void refusedRequestsAreAuditedToo() {
        String longting = client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);
        String username = TestClient.unique("refused.");

        assertThat(client.createAccount(longting, username, "Refused-pass-1", "ORG_ADMIN", 1).status()).isIn(403, 404);

        long written = jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE actor_name = 'longting.admin' AND outcome IN (403, 404)
                  AND action = 'POST /api/v1/accounts'""").query(Long.class).single();
        assertThat(written).isPositive();
    }

    @Test
    void tokenRequestsAreAudited() {
        String username = TestClient.unique("audited.");
        client.newAccount(client.adminToken(), username, "Audited-pass-1", "VOLUNTEER", 1);
        client.post("/api/v1/auth/token", null, Map.of("username", username, "password", "wrong-password"));
        client.tokenFor(username, "Audited-pass-1");

        List<Integer> outcomes = jdbc.sql("SELECT outcome FROM audit_log WHERE action = 'auth.token' AND detail = :u ORDER BY id")
                .param("u", username).query(Integer.class).list();
        assertThat(outcomes).containsExactly(401, 200);
    }

    @Test
    void districtAdminSeesOnlyEntriesAboutTheirDistrict() {
        String admin = client.adminToken();
        String longting = client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);
        long gulouOrg = client.newOrganisation(admin, TestClient.unique("鼓楼审计"), "AGENCY",
                client.organisationId("相国寺街道", admin));
        long longtingOrg = client.newOrganisation(longting, TestClient.unique("龙亭审计"), "AGENCY",
                client.organisationId("北书店街道", admin));

        List<JsonNode> seen = entries(longting, "organisation.created");

        assertThat(about(seen, gulouOrg)).isEmpty();
        assertThat(about(seen, longtingOrg)).hasSize(1);
        for (JsonNode entry : seen) {
            assertThat(entry.get("organisationId")).as("entry %s", entry).isNotNull();
            TestClient.Answer organisation = client.get("/api/v1/organisations/" + entry.get("organisationId").asLong(), longting);
            assertThat(organisation.status()).as("entry %s lies in 龙亭区", entry).isEqualTo(200);
        }
        assertThat(about(entries(admin, "organisation.created"), gulouOrg)).hasSize(1);
    }

    @Test
    void districtAdminDoesNotSeeEntriesAboutNoOrganisation() {
        String longting = client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);

        assertThat(entries(longting, "auth.")).isEmpty();
        assertThat(entries(client.adminToken(), "auth.")).isNotEmpty();
    }

    @Test
    void auditLogRefusesUpdates() {
        client.newOrganisation(client.adminToken(), TestClient.unique("审计行"), "AGENCY", 1);
        long id = jdbc.sql("SELECT max(id) FROM audit_log").query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET detail = 'tampered' WHERE id = :id").param("id", id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE detail = 'tampered'").query(Long.class).single()).isZero();
    }

    @Test
    void auditLogRefusesDeletesAndTruncation() {
        client.newOrganisation(client.adminToken(), TestClient.unique("审计行"), "AGENCY", 1);
        long before = jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_log").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single()).isGreaterThanOrEqualTo(before);
    }

    @Test
    void everyStateChangingMethodIsWrittenWithItsOutcome() {
        String admin = client.adminToken();
        long street = client.organisationId("相国寺街道", admin);
        long organisation = client.newOrganisation(admin, TestClient.unique("审计方法"), "AGENCY", street);
        long account = client.newAccount(admin, TestClient.unique("audit.methods."), "Audit-methods-1", "VOLUNTEER", street);

        client.patch("/api/v1/organisations/" + organisation, admin, Map.of("name", TestClient.unique("审计改名")));
        client.post("/api/v1/accounts/" + account + "/grants", admin, Map.of("role", "REVIEWER", "organisationId", street));
        client.delete("/api/v1/accounts/" + account + "/grants?role=REVIEWER&organisationId=" + street, admin);
        client.postRaw("/api/v1/organisations/" + organisation + "/move", admin, "{not json");

        assertThat(outcome("organisation.renamed", "organisation", organisation)).isEqualTo(200);
        assertThat(outcome("account.granted", "account", account)).isEqualTo(200);
        assertThat(outcome("account.revoked", "account", account)).isEqualTo(200);
        assertThat(jdbc.sql("""
                SELECT outcome FROM audit_log WHERE action = :action AND actor_name = 'admin' ORDER BY id DESC LIMIT 1""")
                .param("action", "POST /api/v1/organisations/" + organisation + "/move").query(Integer.class).single())
                .as("a refused request is written too").isEqualTo(400);
    }

    private Integer outcome(String action, String entityType, long entityId) {
        return jdbc.sql("""
                SELECT outcome FROM audit_log WHERE action = :action AND entity_type = :type AND entity_id = :id
                  AND actor_name = 'admin' ORDER BY id DESC LIMIT 1""")
                .param("action", action).param("type", entityType).param("id", Long.toString(entityId))
                .query(Integer.class).single();
    }

    @Test
    void anAnswerLeavesOnlyOnceItsAuditEntryIsCommitted() throws Exception {
        String username = TestClient.unique("held.");
        // The status line is enough: the answer counts as given once any of it has left.
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"wrong-password\"}")).build();
        CompletableFuture<HttpResponse<InputStream>> answer;
        try (Connection holder = lockAuditLog()) {
            answer = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
            awaitAnEntryWaitingForTheLock();
            // An answer flushed before its entry is written would have arrived by now: the entry waits for the lock.
            Thread.sleep(300);
            assertThat(answer.isDone()).as("answered before its audit entry was written").isFalse();
            holder.commit();
        }
        assertThat(answer.get().statusCode()).isEqualTo(401);
        answer.get().body().close();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'auth.token' AND detail = :u")
                .param("u", username).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void entriesOfRequestsAnsweredTogetherShareOneCommit() throws Exception {
        List<String> usernames = List.of(TestClient.unique("together."), TestClient.unique("together."),
                TestClient.unique("together."), TestClient.unique("together."), TestClient.unique("together."),
                TestClient.unique("together."));
        ExecutorService pool = Executors.newFixedThreadPool(usernames.size());
        List<Future<TestClient.Answer>> answers = new ArrayList<>();
        try (Connection holder = lockAuditLog()) {
            answers.add(pool.submit(() -> wrongPassword(usernames.get(0))));
            awaitAnEntryWaitingForTheLock();
            for (String username : usernames.subList(1, usernames.size())) {
                answers.add(pool.submit(() -> wrongPassword(username)));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.waiting() == usernames.size() - 1);
            holder.commit();
        }
        for (Future<TestClient.Answer> answer : answers) {
            assertThat(answer.get().status()).isEqualTo(401);
        }
        pool.shutdown();

        String[] names = usernames.toArray(String[]::new);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'auth.token' AND detail = ANY(:u)")
                .param("u", names).query(Long.class).single()).isEqualTo(usernames.size());
        assertThat(jdbc.sql("""
                SELECT count(DISTINCT xmin::text) FROM audit_log WHERE action = 'auth.token' AND detail = ANY(:u)""")
                .param("u", names).query(Long.class).single())
                .as("the first entry's commit, then one for the five that waited meanwhile").isEqualTo(2);
    }

    private TestClient.Answer wrongPassword(String username) {
        return client.post("/api/v1/auth/token", null, Map.of("username", username, "password", "wrong-password"));
    }

    /** Holds a lock that every insert into the audit log waits for, until the connection commits. */
    private Connection lockAuditLog() throws Exception {
        Connection holder = dataSource.getConnection();
        holder.setAutoCommit(false);
        holder.createStatement().execute("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE");
        return holder;
    }

    /** One insert into the audit log waits for the lock, and no entry waits behind it yet. */
    private void awaitAnEntryWaitingForTheLock() {
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.waiting() == 0 && jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO audit_log%'""").query(Long.class).single() == 1);
    }
}
