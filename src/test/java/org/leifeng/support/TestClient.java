package org.leifeng.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the running application over real HTTP, as outside clients do. Answers keep status, headers and the
 * body parsed as JSON when it is JSON.
 */
@TestComponent
public class TestClient {

    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String DEMO_PASSWORD = "Leifeng-demo-2026";
    private static final AtomicLong UNIQUE = new AtomicLong(System.currentTimeMillis() % 1_000_000);
    private static final AtomicLong PHONES = new AtomicLong(System.nanoTime() % 90_000_000);
    /** Every answer any test received, for the privacy test that runs last. */
    private static final Queue<Exchange> TRANSCRIPT = new ConcurrentLinkedQueue<>();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Environment environment;

    TestClient(Environment environment) {
        this.environment = environment;
    }

    /** A suffix no other test run on this database has used: names stay unique on a shared server. */
    public static String unique(String prefix) {
        return prefix + UNIQUE.incrementAndGet() + Long.toString(System.nanoTime() % 1000);
    }

    /** A mobile number no demo volunteer has (the demo never uses 170) and no other test took. */
    public static String uniquePhone() {
        return "170" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000);
    }

    /** Every exchange of the suite so far: what the privacy test reads. */
    public static List<Exchange> transcript() {
        return List.copyOf(TRANSCRIPT);
    }

    /** Adds what a browser or another client received to the transcript. */
    public static void remember(String path, String body) {
        TRANSCRIPT.add(new Exchange(path, body));
    }

    public String baseUrl() {
        return "http://localhost:" + environment.getProperty("local.server.port");
    }

    public String tokenFor(String username, String password) {
        Answer answer = post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
        if (answer.status() != 200) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + answer);
        }
        return answer.json().get("token").asString();
    }

    public String adminToken() {
        return tokenFor("admin", ADMIN_PASSWORD);
    }

    /** Encodes a query parameter value (names are Chinese). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The id of the one organisation called exactly {@code name} that {@code token}'s holder can see. */
    public long organisationId(String name, String token) {
        Answer answer = get("/api/v1/organisations?size=200&q=" + encode(name), token);
        if (answer.status() != 200) {
            throw new IllegalStateException("search for " + name + " failed: " + answer);
        }
        List<Long> ids = new ArrayList<>();
        answer.json().get("items").forEach(item -> {
            if (item.get("name").asString().equals(name)) {
                ids.add(item.get("id").asLong());
            }
        });
        if (ids.size() != 1) {
            throw new IllegalStateException("expected one organisation called " + name + ", found " + ids);
        }
        return ids.get(0);
    }

    public Answer createOrganisation(String token, String name, String type, long parentId) {
        return post("/api/v1/organisations", token, Map.of("name", name, "type", type, "parentId", parentId));
    }

    /** Creates an organisation and answers its id, failing unless the answer is 201. */
    public long newOrganisation(String token, String name, String type, long parentId) {
        Answer answer = createOrganisation(token, name, type, parentId);
        if (answer.status() != 201) {
            throw new IllegalStateException("creating " + name + " failed: " + answer);
        }
        return answer.id();
    }

    public Answer createAccount(String token, String username, String password, String role, long organisationId) {
        return post("/api/v1/accounts", token, Map.of("username", username, "password", password,
                "grants", List.of(Map.of("role", role, "organisationId", organisationId))));
    }

    /** Creates an account with one grant and answers its id, failing unless the answer is 201. */
    public long newAccount(String token, String username, String password, String role, long organisationId) {
        Answer answer = createAccount(token, username, password, role, organisationId);
        if (answer.status() != 201) {
            throw new IllegalStateException("creating account " + username + " failed: " + answer);
        }
        return answer.id();
    }

    public Answer get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Answer delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    public Answer post(String path, String token, Object body) {
        return postRaw(path, token, body == null ? "" : json.writeValueAsString(body));
    }

    public Answer patch(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    public Answer put(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    /** Sends the body exactly as given, e.g. malformed JSON. */
    public Answer postRaw(String path, String token, String rawBody) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawBody)).build());
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Accept-Language", "en");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            remember(request.uri().getPath(), response.body());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = type.contains("json") && !response.body().isEmpty() ? json.readTree(response.body()) : null;
            return new Answer(response.statusCode(), response.headers().map(), response.body(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The path a client asked for and the body it received. */
    public record Exchange(String path, String body) {
    }

    /** One HTTP answer. */
    public record Answer(int status, Map<String, List<String>> headers, String body, JsonNode json) {

        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .findFirst().map(entry -> entry.getValue().get(0)).orElse(null);
        }

        public long id() {
            return json.get("id").asLong();
        }
    }
}
