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
                new NotYetAvailable("checkin-burst", "Check-in burst: thousands at the gate",
                        "5,000 CONFIRMED volunteers of one shift check in through the event's attendance code from 64 "
                                + "clients, each with their own token; afterwards exactly 5,000 check-ins, none twice, "
                                + "no error (checked through the API and in SQL).",
                        "throughput >= 50% of the ceiling's; p99 < 100 ms; zero errors; exact counts",
                        "the attendance module (check-in with the attendance code) is being built. To add: seed 5,000 "
                                + "CONFIRMED sign-ups of one shift (the sign-up burst's path with capacity 5,000, or SQL), "
                                + "issue the code as the organiser through the API, then drive the check-in endpoint."),
                new ActivitySearchScenario(),
                new DashboardScenario(),
                new NotYetAvailable("certificate", "Certificate: PDF for a volunteer with 500 records",
                        "A volunteer with 500 service-hour records downloads their certificate; each answer must be a "
                                + "PDF (%PDF-) naming the right total of hours.",
                        "median < 100 ms; zero errors",
                        "the certificates module (PDF through PDFBox) and the hours records are being built. To add: "
                                + "seed 500 approved records for one volunteer, then drive the certificate endpoint."));
    }
}
