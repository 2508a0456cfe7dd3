package org.leifeng.bench;

import java.util.List;

/** The scenarios of issue 7, in the order one run goes through them. */
final class Scenarios {

    private Scenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                new CeilingScenario(),
                new SignupBurstScenario(),
                new CheckinBurstScenario(),
                new ActivitySearchScenario(),
                new NotYetAvailable("dashboard", "Dashboard: overview and ranking",
                        "City leaders open the dashboard: the overview and the ranking on the city-sized data set of the "
                                + "results issue, from several clients, as the city administrator and as district "
                                + "administrators; totals checked against SQL.",
                        "p95 < 100 ms; zero errors",
                        "the reporting module (overview, ranking) and its city-sized data set are being built. To add: "
                                + "seed that data set in bulk, then drive the overview and ranking endpoints."),
                new CertificateScenario());
    }
}
