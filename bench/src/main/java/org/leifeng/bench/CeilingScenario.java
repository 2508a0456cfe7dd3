package org.leifeng.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.leifeng.platform.Masking;

/**
 * Scenario 1: what the server stack itself can do on this machine. Every request is {@code GET /api/v1/me} with a
 * bearer token, cycling through all seeded volunteers' tokens, so each request runs the real token lookup (SHA-256,
 * then the indexed {@code api_token} join), the security filter chain, the grants query and JSON. Each answer must
 * name the token's own account and volunteer.
 */
final class CeilingScenario implements Scenario {

    @Override
    public String id() {
        return "ceiling";
    }

    @Override
    public String title() {
        return "Ceiling: authenticated GET /api/v1/me";
    }

    @Override
    public String description() {
        return "N clients in a closed loop send GET /api/v1/me, each with a different volunteer's bearer token in turn; "
                + "every answer must be 200 and name that token's account and volunteer.";
    }

    @Override
    public String target() {
        return "no target of its own: its throughput is the reference for the burst scenarios; zero errors";
    }

    @Override
    public ScenarioResult run(BenchContext context) {
        List<SeededVolunteer> volunteers = context.volunteers();
        AtomicLong turn = new AtomicLong();
        AtomicLong wrongAccount = new AtomicLong();
        Workload workload = new Workload() {
            @Override
            public Request next(int client) {
                SeededVolunteer volunteer = volunteers.get((int) (turn.getAndIncrement() % volunteers.size()));
                return Request.get("me", "/api/v1/me", volunteer.token(), volunteer);
            }

            @Override
            public String check(Request request, Answer answer) {
                SeededVolunteer volunteer = (SeededVolunteer) request.subject();
                if (!answer.is(200)) {
                    return "expected 200";
                }
                boolean own = answer.body().contains("\"id\":" + volunteer.accountId() + ",")
                        && answer.body().contains("\"username\":\"" + Masking.phone(volunteer.username()) + "\"")
                        && answer.body().contains("\"volunteerId\":" + volunteer.volunteerId() + ",");
                if (own) {
                    return null;
                }
                wrongAccount.incrementAndGet();
                return "the answer does not name the token's account: " + answer.body();
            }
        };
        BenchOptions options = context.options;
        LoadStats stats = context.load.timed(id(), options.clients(), workload,
                Duration.ofSeconds(options.ceilingWarmupSeconds()), Duration.ofSeconds(options.ceilingSeconds()));
        context.ceilingMeasured(stats.throughput());
        List<Check> checks = new ArrayList<>();
        checks.add(Check.equal("answers 200 that name another account than the token's", 0, wrongAccount.get()));
        checks.add(Check.target("zero errors", stats.errors() == 0, "0", Long.toString(stats.errors())));
        List<String> notes = List.of(options.clients() + " clients, " + options.ceilingWarmupSeconds()
                + " s warm-up, then " + options.ceilingSeconds() + " s measured; tokens of " + volunteers.size()
                + " volunteers in turn");
        return new ScenarioResult(this, stats, checks, notes);
    }
}
