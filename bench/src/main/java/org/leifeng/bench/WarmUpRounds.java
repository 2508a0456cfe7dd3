package org.leifeng.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A warm-up that goes on in rounds until the throughput levels off: on two cores that the load keeps busy, the JIT
 * takes one to two minutes of a request path to compile it, and how long varies from run to run, so a fixed-size
 * warm-up either wastes time or stops too soon. Levelled off means a round, after the first {@code minRounds}, is no
 * more than 5% faster than the one before.
 */
final class WarmUpRounds {

    private static final double LEVEL = 1.05;

    /** One round of warm-up load; {@code round} counts from 1. */
    @FunctionalInterface
    interface Round {
        LoadStats run(int round) throws Exception;
    }

    /** What the rounds did, for the scenario's notes; {@code levelled} false when the rounds ran out first. */
    record Summary(List<Double> throughputs, long errors, double seconds, boolean levelled) {

        String describe(String eachRound) {
            String end = levelled ? "until a round was no more than 5% faster than the one before"
                    : "the most allowed, and the last was still more than 5% faster than the one before";
            return String.format(Locale.ROOT, "warm-up (not counted): %d rounds in %.0f s, each of %s, %s; req/s by "
                    + "round: %s; %d errors", throughputs.size(), seconds, eachRound, end, String.join(", ",
                            throughputs.stream().map(rate -> String.format(Locale.ROOT, "%,.0f", rate)).toList()),
                    errors);
        }
    }

    private WarmUpRounds() {
    }

    static Summary run(int minRounds, int maxRounds, Round round) throws Exception {
        List<Double> throughputs = new ArrayList<>();
        long errors = 0;
        double seconds = 0;
        double previous = 0;
        boolean levelled = false;
        for (int n = 1; n <= maxRounds && !levelled; n++) {
            LoadStats stats = round.run(n);
            throughputs.add(stats.throughput());
            errors += stats.errors();
            seconds += stats.seconds();
            levelled = n >= minRounds && stats.throughput() <= previous * LEVEL;
            previous = stats.throughput();
        }
        return new Summary(List.copyOf(throughputs), errors, seconds, levelled);
    }
}
