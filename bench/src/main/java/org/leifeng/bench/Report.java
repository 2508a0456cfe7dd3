package org.leifeng.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

/** The markdown of a run's results: seeding, a summary table, then each scenario's figures, checks and targets. */
final class Report {

    private final StringBuilder out = new StringBuilder();

    String write(List<String> databaseFacts, List<String> seedingNotes, List<Check> seedingChecks,
            List<ScenarioResult> results) {
        line("## Database");
        line();
        databaseFacts.forEach(fact -> line("- " + fact));
        line();
        line("## Seeding");
        line();
        seedingNotes.forEach(note -> line("- " + note));
        line();
        checks(seedingChecks);
        summary(results);
        results.forEach(this::scenario);
        return out.toString();
    }

    private void summary(List<ScenarioResult> results) {
        line("## Summary");
        line();
        line("| scenario | verdict | throughput (req/s) | p50 ms | p95 ms | p99 ms | max ms | requests | errors | target |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (ScenarioResult result : results) {
            LoadStats stats = result.stats();
            String figures = stats == null ? "– | – | – | – | – | – | –"
                    : String.join(" | ", f0(stats.throughput()), f1(stats.p50()), f1(stats.p95()), f1(stats.p99()),
                            f1(stats.max()), String.format(Locale.ROOT, "%,d", stats.requests()), Long.toString(stats.errors()));
            line("| " + result.scenario().id() + " | **" + result.verdict().label() + "** | " + figures + " | "
                    + result.scenario().target() + " |");
        }
        line();
    }

    private void scenario(ScenarioResult result) {
        Scenario scenario = result.scenario();
        line("## " + scenario.title() + " (`" + scenario.id() + "`): " + result.verdict().label());
        line();
        line(scenario.description());
        line();
        line("Target: " + scenario.target() + ".");
        line();
        result.notes().forEach(note -> line("- " + note));
        if (!result.notes().isEmpty()) {
            line();
        }
        LoadStats stats = result.stats();
        if (stats != null) {
            line(String.format(Locale.ROOT, "%,d requests in %.1f s from %d clients: **%s req/s**; latency p50 %s ms, "
                            + "p95 %s ms, p99 %s ms, max %s ms; %d errors.", stats.requests(), stats.seconds(),
                    stats.clients(), f0(stats.throughput()), f1(stats.p50()), f1(stats.p95()), f1(stats.p99()),
                    f1(stats.max()), stats.errors()));
            line();
            line("Throughput in 5 s steps (req/s): " + stats.timeline().inSteps(5) + ".");
            line();
            line("Answers: " + String.join(", ", stats.outcomes().entrySet().stream()
                    .map(entry -> entry.getKey() + " × " + entry.getValue()).toList()) + ".");
            line();
            if (stats.byKind().size() > 1) {
                line("| kind | requests | p50 ms | p95 ms | p99 ms | max ms |");
                line("|---|---:|---:|---:|---:|---:|");
                for (Map.Entry<String, Histogram> kind : stats.byKind().entrySet()) {
                    Histogram histogram = kind.getValue();
                    line("| " + kind.getKey() + " | " + histogram.getTotalCount() + " | "
                            + f1(LoadStats.millis(histogram, 50)) + " | " + f1(LoadStats.millis(histogram, 95)) + " | "
                            + f1(LoadStats.millis(histogram, 99)) + " | " + f1(LoadStats.maxMillis(histogram)) + " |");
                }
                line();
            }
            if (!stats.errorSamples().isEmpty()) {
                line("Errors (first of each client, up to 10):");
                line();
                stats.errorSamples().forEach(sample -> line("- `" + sample.replace("`", "'") + "`"));
                line();
            }
        }
        checks(result.checks());
    }

    private void checks(List<Check> checks) {
        if (checks.isEmpty()) {
            return;
        }
        line("| | check | required | found |");
        line("|---|---|---|---|");
        for (Check check : checks) {
            line("| " + (check.passed() ? "✅" : "❌") + " | " + (check.target() ? "target: " : "") + check.name() + " | "
                    + check.required() + " | " + check.found() + " |");
        }
        line();
    }

    private static String f0(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String f1(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
