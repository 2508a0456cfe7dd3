package org.leifeng.bench;

/**
 * What the clients of one run send and how each answer is judged. Implementations are called from every client
 * thread at once and must be thread-safe.
 */
interface Workload {

    /** The next request for client {@code client} (0-based), or null when there is no more work. */
    Request next(int client);

    /** Null when the answer is what the request should get; otherwise what is wrong with it (counted as an error). */
    String check(Request request, Answer answer);
}
