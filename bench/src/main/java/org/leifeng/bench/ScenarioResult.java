package org.leifeng.bench;

import java.util.List;

/**
 * The outcome of a scenario: its measured run (null when it did not run), its checks and targets, notes (sizes,
 * seeding times), and the verdict they add up to.
 */
record ScenarioResult(Scenario scenario, LoadStats stats, List<Check> checks, List<String> notes) {

    static ScenarioResult notYetAvailable(Scenario scenario, String why) {
        return new ScenarioResult(scenario, null, List.of(), List.of(why));
    }

    Verdict verdict() {
        if (stats == null && checks.isEmpty()) {
            return Verdict.NOT_YET_AVAILABLE;
        }
        if (checks.stream().anyMatch(check -> !check.target() && !check.passed())) {
            return Verdict.FAILED;
        }
        return checks.stream().allMatch(Check::passed) ? Verdict.MET : Verdict.MISSED;
    }
}
