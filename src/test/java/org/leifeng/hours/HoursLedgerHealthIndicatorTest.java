package org.leifeng.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class HoursLedgerHealthIndicatorTest {

    private static final Instant STARTED = Instant.parse("2026-03-05T19:00:00Z");
    private static final Instant FINISHED = Instant.parse("2026-03-05T19:00:42.5Z");

    @Test
    void theLedgerIsUnknownUntilAVerificationHasFinished() {
        assertThat(HoursLedgerHealthIndicator.of(Optional.empty()).getStatus()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void anIntactLedgerIsUpWithWhenAndHowMuchWasVerified() {
        Health health = HoursLedgerHealthIndicator.of(Optional.of(new VerificationLog.Verified(STARTED, FINISHED,
                new LedgerCheck(true, 652, 12188, null))));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("verifiedAt", "2026-03-05T19:00:42.500Z")
                .containsEntry("intact", true).containsEntry("chains", 652L).containsEntry("entries", 12188L)
                .doesNotContainKey("firstBreak");
    }

    @Test
    void aBrokenLedgerIsBrokenAndNamesTheFirstBrokenLink() {
        Health health = HoursLedgerHealthIndicator.of(Optional.of(new VerificationLog.Verified(STARTED, FINISHED,
                new LedgerCheck(false, 17, 300, new LedgerCheck.Break(17, 4711L, 3, "content", null, null)))));

        assertThat(health.getStatus().getCode()).isEqualTo("BROKEN");
        assertThat(health.getDetails()).containsEntry("intact", false).containsEntry("firstBreak",
                Map.of("volunteerId", 17L, "entryId", 4711L, "seq", 3, "problem", "content"));
    }
}
