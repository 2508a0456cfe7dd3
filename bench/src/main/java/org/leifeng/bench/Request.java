package org.leifeng.bench;

/**
 * One HTTP request of a workload. {@code kind} groups requests in the report (e.g. the search filter used);
 * {@code subject} is what the workload needs to check the answer (the volunteer signing up, the query sent).
 */
record Request(String kind, String method, String path, String bearer, String jsonBody, Object subject) {

    static Request get(String kind, String path, String bearer, Object subject) {
        return new Request(kind, "GET", path, bearer, null, subject);
    }

    static Request post(String kind, String path, String bearer, String jsonBody, Object subject) {
        return new Request(kind, "POST", path, bearer, jsonBody, subject);
    }
}
