package org.leifeng.bench;

import java.util.List;

/**
 * One scenario of the issue: it prepares its data, drives the application, checks the outcome independently and
 * judges its target. Scenarios run in the order of {@link Scenarios#all}; adding one is writing a class and listing
 * it there.
 */
interface Scenario {

    /** Short name used on the command line ({@code --scenarios}) and in the report, e.g. {@code signup-burst}. */
    String id();

    String title();

    /** What it does, for the report. */
    String description();

    /** The target it must meet, in the words. */
    String target();

    /**
     * Seeds what the scenario needs beyond the shared city and volunteers; answers notes for the report. Kept apart
     * from {@link #run} so a profile of the run does not include the seeding.
     */
    default List<String> prepare(BenchContext context) throws Exception {
        return List.of();
    }

    ScenarioResult run(BenchContext context) throws Exception;
}
