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

    /** What the rounds did, for the scenario's notes. */
    record Summary(List<Double> throughputs, long errors, double seconds) {

        String describe(String eachRound) {
            return String.format(Locale.ROOT, "warm-up (not counted): %d rounds in %.0f s, each of %s, until a round "
                    + "was no more than 5%% faster than the one before; req/s by round: %s; %d errors",
                    throughputs.size(), seconds, eachRound, String.join(", ",
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
        for (int n = 1; n <= maxRounds; n++) {
            LoadStats stats = round.run(n);
            throughputs.add(stats.throughput());
            errors += stats.errors();
            seconds += stats.seconds();
            boolean levelled = n >= minRounds && stats.throughput() <= previous * LEVEL;
            previous = stats.throughput();
            if (levelled) {
                break;
            }
        }
        return new Summary(List.copyOf(throughputs), errors, seconds);
    }
}
