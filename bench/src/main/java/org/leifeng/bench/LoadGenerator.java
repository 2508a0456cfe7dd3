package org.leifeng.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

import org.HdrHistogram.Histogram;

/**
 * N concurrent clients, each a platform thread in a closed loop: send, wait for the answer, send the next. Latency
 * is the time from sending a request to having read its whole answer, recorded in an HdrHistogram (3 significant
 * digits). A closed loop has no intended send times, so there is no coordinated-omission correction: a slow answer
 * delays that client's next request, and the throughput shows it. Answers are also counted per second of the run, so a
 * server that is still getting faster (its JIT compiling the path under load) shows it in the timeline.
 */
final class LoadGenerator {

    private final Http http;

    LoadGenerator(Http http) {
        this.http = http;
    }

    /** Runs for {@code warmup} without recording, then records for {@code measure}. */
    LoadStats timed(String name, int clients, Workload workload, Duration warmup, Duration measure) {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        return drive(name, clients, workload, measureFrom, measureFrom + measure.toNanos());
    }

    /** Runs until the workload has no more requests, recording all of them. */
    LoadStats untilDone(String name, int clients, Workload workload) {
        return drive(name, clients, workload, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private LoadStats drive(String name, int clients, Workload workload, long measureFrom, long stopAt) {
        List<Client> all = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long origin = measureFrom == Long.MIN_VALUE ? System.nanoTime() : measureFrom;
        for (int i = 0; i < clients; i++) {
            Client client = new Client(i, workload, go, measureFrom, stopAt, origin);
            all.add(client);
            Thread thread = new Thread(client, "bench-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        go.countDown();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while clients run", e);
            }
        }
        return merge(name, clients, origin, all);
    }

    private static LoadStats merge(String name, int clients, long origin, List<Client> all) {
        Histogram latency = new Histogram(3);
        Map<String, Histogram> byKind = new TreeMap<>();
        Map<String, Long> outcomes = new TreeMap<>();
        long[] answeredPerSecond = new long[0];
        List<String> samples = new ArrayList<>();
        long errors = 0;
        long firstStart = Long.MAX_VALUE;
        long lastEnd = Long.MIN_VALUE;
        for (Client client : all) {
            if (client.crash != null) {
                throw new IllegalStateException("a client thread failed", client.crash);
            }
            latency.add(client.latency);
            client.byKind.forEach((kind, histogram) -> byKind.computeIfAbsent(kind, k -> new Histogram(3)).add(histogram));
            client.outcomes.forEach((outcome, count) -> outcomes.merge(outcome, count, Long::sum));
            errors += client.errors;
            samples.addAll(client.errorSamples);
            if (client.answeredPerSecond.length > answeredPerSecond.length) {
                answeredPerSecond = Arrays.copyOf(answeredPerSecond, client.answeredPerSecond.length);
            }
            for (int second = 0; second < client.answeredPerSecond.length; second++) {
                answeredPerSecond[second] += client.answeredPerSecond[second];
            }
            if (client.requests > 0) {
                firstStart = Math.min(firstStart, client.firstStart);
                lastEnd = Math.max(lastEnd, client.lastEnd);
            }
        }
        double seconds = latency.getTotalCount() == 0 ? 0 : (lastEnd - firstStart) / 1e9;
        return new LoadStats(name, clients, latency.getTotalCount(), seconds, latency, byKind, outcomes, errors,
                Collections.unmodifiableList(samples.subList(0, Math.min(samples.size(), 10))),
                new Timeline(trimmed(answeredPerSecond), latency.getTotalCount() == 0 ? 0 : (lastEnd - origin) / 1e9));
    }

    /** Without the empty seconds at the end (a client's array grows in steps). */
    private static long[] trimmed(long[] perSecond) {
        int length = perSecond.length;
        while (length > 0 && perSecond[length - 1] == 0) {
            length--;
        }
        return Arrays.copyOf(perSecond, length);
    }

    private final class Client implements Runnable {

        private static final int SAMPLES = 5;

        private final int index;
        private final Workload workload;
        private final CountDownLatch go;
        private final long measureFrom;
        private final long stopAt;
        private final long origin;
        private final Histogram latency = new Histogram(3);
        private final Map<String, Histogram> byKind = new HashMap<>();
        private final Map<String, Long> outcomes = new HashMap<>();
        private final List<String> errorSamples = new ArrayList<>();
        private long[] answeredPerSecond = new long[64];
        private long requests;
        private long errors;
        private long firstStart;
        private long lastEnd;
        private Throwable crash;

        Client(int index, Workload workload, CountDownLatch go, long measureFrom, long stopAt, long origin) {
            this.index = index;
            this.workload = workload;
            this.go = go;
            this.measureFrom = measureFrom;
            this.stopAt = stopAt;
            this.origin = origin;
        }

        @Override
        public void run() {
            try {
                go.await();
                while (true) {
                    long sent = System.nanoTime();
                    if (stopAt != Long.MAX_VALUE && sent - stopAt >= 0) {
                        return;
                    }
                    Request request = workload.next(index);
                    if (request == null) {
                        return;
                    }
                    sent = System.nanoTime();
                    Answer answer = null;
                    String outcome;
                    String problem;
                    try {
                        answer = http.send(request);
                        outcome = Integer.toString(answer.status());
                        problem = null;
                    } catch (Exception e) {
                        outcome = e.getClass().getSimpleName();
                        problem = request.method() + " " + request.path() + ": " + e;
                    }
                    long received = System.nanoTime();
                    if (answer != null) {
                        problem = workload.check(request, answer);
                        if (problem != null) {
                            problem = request.method() + " " + request.path() + " -> " + answer.status() + ": " + problem;
                        }
                    }
                    if (measureFrom == Long.MIN_VALUE || sent - measureFrom >= 0) {
                        record(request, sent, received, outcome, problem);
                    }
                }
            } catch (Throwable e) {
                crash = e;
            }
        }

        private void record(Request request, long sent, long received, String outcome, String problem) {
            long micros = Math.max(1, (received - sent) / 1_000);
            latency.recordValue(micros);
            byKind.computeIfAbsent(request.kind(), kind -> new Histogram(3)).recordValue(micros);
            outcomes.merge(outcome, 1L, Long::sum);
            int second = (int) Math.max(0, (received - origin) / 1_000_000_000L);
            if (second >= answeredPerSecond.length) {
                answeredPerSecond = Arrays.copyOf(answeredPerSecond, Math.max(second + 1, 2 * answeredPerSecond.length));
            }
            answeredPerSecond[second]++;
            if (requests++ == 0) {
                firstStart = sent;
            }
            lastEnd = received;
            if (problem != null) {
                errors++;
                if (errorSamples.size() < SAMPLES) {
                    errorSamples.add(problem.length() > 300 ? problem.substring(0, 300) + "…" : problem);
                }
            }
        }
    }
}
