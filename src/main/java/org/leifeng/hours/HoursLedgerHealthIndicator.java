package org.leifeng.hours;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The {@code hoursLedger} component of {@code /actuator/health}, with its details in the {@code ledger} group
 * ({@code /actuator/health/ledger}): the latest background verification ({@link LedgerWatch}) — when it finished,
 * how many chains and entries it walked (up to the break, when there is one), and where the first broken link was.
 * UNKNOWN until a verification has finished, UP when the ledger is intact, BROKEN when it is not. BROKEN ranks below
 * UP in {@code management.endpoint.health.status.order}: a changed ledger is an alarm for people, not a reason for a
 * load balancer or Kubernetes to stop sending requests (restarting cannot repair history), so the application's
 * status stays UP while it and its database are up (API.md) and monitoring alerts on the component.
 */
@Component
class HoursLedgerHealthIndicator implements HealthIndicator {

    static final Status BROKEN = new Status("BROKEN", "A ledger entry or account no longer matches its chain");

    private final VerificationLog verifications;

    HoursLedgerHealthIndicator(VerificationLog verifications) {
        this.verifications = verifications;
    }

    @Override
    public Health health() {
        try {
            return of(verifications.latest());
        } catch (DataAccessException unavailable) {
            // The database's own component reports it down; the ledger's verdict is merely unknown meanwhile.
            return Health.unknown().withDetail("verifiedAt", "unavailable").build();
        }
    }

    static Health of(Optional<VerificationLog.Verified> latest) {
        if (latest.isEmpty()) {
            return Health.unknown().withDetail("verifiedAt", "not yet").build();
        }
        VerificationLog.Verified verified = latest.get();
        LedgerCheck check = verified.check();
        Health.Builder health = check.intact() ? Health.up() : Health.status(BROKEN);
        health.withDetail("verifiedAt", verified.finishedAt().toString())
                .withDetail("intact", check.intact())
                .withDetail("chains", check.volunteers())
                .withDetail("entries", check.entries());
        if (!check.intact()) {
            LedgerCheck.Break broken = check.firstBreak();
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("volunteerId", broken.volunteerId());
            where.put("entryId", broken.entryId());
            where.put("seq", broken.seq());
            where.put("problem", broken.problem());
            health.withDetail("firstBreak", where);
        }
        return health.build();
    }
}
