package org.leifeng.bench;

/**
 * One HTTP request of a workload. {@code kind} groups requests in the report (e.g. the search filter used);
 * {@code subject} is what the workload needs to check the answer (the volunteer signing up, the query sent).
 */
record Request(String kind, String method, String path, String bearer, String jsonBody, Object subject, String accept) {

    static final String JSON = "application/json";

    Request(String kind, String method, String path, String bearer, String jsonBody, Object subject) {
        this(kind, method, path, bearer, jsonBody, subject, JSON);
    }

    static Request get(String kind, String path, String bearer, Object subject) {
        return new Request(kind, "GET", path, bearer, null, subject);
    }

    static Request post(String kind, String path, String bearer, String jsonBody, Object subject) {
        return new Request(kind, "POST", path, bearer, jsonBody, subject);
    }

    /** A GET of something that is not JSON (a PDF), with its media type in {@code Accept}. */
    static Request download(String kind, String path, String bearer, String accept, Object subject) {
        return new Request(kind, "GET", path, bearer, null, subject, accept);
    }
}
