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
                new DashboardScenario(),
                new CertificateScenario());
    }
}
