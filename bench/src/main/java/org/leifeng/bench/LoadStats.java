package org.leifeng.bench;

import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * What one measured run did: latencies in microseconds (all requests, and per request kind), answers by HTTP status
 * or exception, and the requests whose answer failed the workload's check.
 *
 * @param seconds from the first measured request's start to the last one's end
 * @param timeline answers per second of the run
 */
record LoadStats(String name, int clients, long requests, double seconds, Histogram latency,
        Map<String, Histogram> byKind, Map<String, Long> outcomes, long errors, List<String> errorSamples,
        Timeline timeline) {

    double throughput() {
        return seconds <= 0 ? 0 : requests / seconds;
    }

    static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    static double maxMillis(Histogram histogram) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }

    double p50() {
        return millis(latency, 50);
    }

    double p95() {
        return millis(latency, 95);
    }

    double p99() {
        return millis(latency, 99);
    }

    double max() {
        return maxMillis(latency);
    }
}
