package org.leifeng.bench;

/**
 * A scenario of the issue whose feature is still being built. It runs nothing and reports itself as not yet
 * available (never as met), with what the real scenario will do, so the report keeps the whole list in view.
 * To fill one in, write a {@link Scenario} like {@link SignupBurstScenario} and put it in its place in
 * {@link Scenarios#all}.
 */
record NotYetAvailable(String id, String title, String description, String target, String needs) implements Scenario {

    @Override
    public ScenarioResult run(BenchContext context) {
        return ScenarioResult.notYetAvailable(this, "Not yet available: " + needs);
    }
}
