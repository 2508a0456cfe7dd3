package org.leifeng.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Assertions on RFC 9457 answers: the shape, and that nothing of the inside leaks to the client. */
public final class Problems {

    private Problems() {
    }

    /** The answer is a problem detail with this status, and tells nothing about the implementation. */
    public static void assertProblem(TestClient.Answer answer, int status) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as("content type of %s", answer).startsWith("application/problem+json");
        assertThat(answer.json()).as("body of %s", answer).isNotNull();
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.json().get("type")).isNotNull();
        assertThat(answer.json().get("title")).isNotNull();
        assertThat(answer.json().get("detail")).isNotNull();
        assertNoLeak(answer);
    }

    public static void assertNoLeak(TestClient.Answer answer) {
        assertThat(answer.body()).doesNotContain("Exception", "at org.", "SQL", "org.postgresql");
    }

    /** A 400 problem whose {@code errors[]} names {@code field}. */
    public static void assertInvalidField(TestClient.Answer answer, String field) {
        assertProblem(answer, 400);
        assertThat(fieldsIn(answer)).as("errors[] of %s", answer.body()).contains(field);
    }

    public static List<String> fieldsIn(TestClient.Answer answer) {
        List<String> fields = new ArrayList<>();
        if (answer.json() != null && answer.json().get("errors") != null) {
            answer.json().get("errors").forEach(error -> {
                fields.add(error.get("field").asString());
                assertThat(error.get("message").asString()).isNotBlank();
            });
        }
        return fields;
    }
}
