package org.leifeng.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Answers per second of a run, counted by when each answer arrived. A flat line is a server at its steady state; a
 * rising one is still warming up (on two busy cores the JIT takes tens of seconds to compile a request path), and
 * its average understates what the server does once warm.
 *
 * @param answeredPerSecond answers that arrived in each second from the start of the run
 * @param seconds from the start of the run to its last answer (the last second is usually partial)
 */
record Timeline(long[] answeredPerSecond, double seconds) {

    /**
     * The throughput over consecutive steps of {@code step} seconds, e.g. "612, 905, 1,208, 1,296 (last 2.4 s)". A
     * last step shorter than a second is left out: the few answers in it say nothing about the rate.
     */
    String inSteps(int step) {
        List<String> rates = new ArrayList<>();
        for (int from = 0; from < answeredPerSecond.length; from += step) {
            int to = Math.min(from + step, answeredPerSecond.length);
            long answered = 0;
            for (int second = from; second < to; second++) {
                answered += answeredPerSecond[second];
            }
            double length = Math.min(step, seconds - from);
            if (length < 1) {
                break;
            }
            String rate = String.format(Locale.ROOT, "%,.0f", answered / length);
            rates.add(length < step ? rate + String.format(Locale.ROOT, " (last %.1f s)", length) : rate);
        }
        return String.join(", ", rates);
    }
}
