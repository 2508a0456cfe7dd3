package org.leifeng.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class EntryDraftTest {

    private static final Instant FROM = Instant.parse("2026-03-05T01:00:00.123456789Z");
    private static final Instant UNTIL = Instant.parse("2026-03-05T03:00:00.999999999Z");

    @Test
    void aDraftHoldsWhatPostgresqlStoresWhateverTheCallerPasses() {
        String title = "学雷锋志愿服务".repeat(28) + "助老服务";
        EntryDraft draft = draft(title + "   ", new BigDecimal("2"));

        assertThat(draft.servedFrom()).isEqualTo(Instant.parse("2026-03-05T01:00:00.123456Z"));
        assertThat(draft.servedUntil()).isEqualTo(Instant.parse("2026-03-05T03:00:00.999999Z"));
        assertThat(draft.activityTitle()).as("VARCHAR(200) cuts the spaces beyond 200 characters").isEqualTo(title);
        assertThat(draft.hours().toString()).isEqualTo("2.0");
        assertThat(draft.note()).isEqualTo("  扫码失败 ");
    }

    @Test
    void theHashOfADraftIsTheHashRecomputedFromItsStoredRow() {
        EntryDraft draft = draft("周六助老服务", new BigDecimal("2.0"));
        Instant recordedAt = Instant.parse("2026-03-05T03:10:00.000001Z");
        String hash = LedgerHash.of(7, 1, draft, recordedAt, LedgerHash.GENESIS);

        LedgerEntry stored = new LedgerEntry(11, 7, 1, EntryKind.CREDIT, null, 3L, "周六助老服务", 5L, 2,
                Instant.parse("2026-03-05T01:00:00.123456Z"), Instant.parse("2026-03-05T03:00:00.999999Z"),
                LocalDate.of(2026, 3, 5), new BigDecimal("2.0"), new BigDecimal("2.0"), "  扫码失败 ", "attendance:9", null,
                recordedAt, LedgerHash.GENESIS, hash);

        assertThat(LedgerHash.of(stored)).isEqualTo(hash);
    }

    @Test
    void hoursWithMoreThanOneDecimalAreRefusedRatherThanRounded() {
        assertThatThrownBy(() -> draft("周六助老服务", new BigDecimal("1.25"))).isInstanceOf(ArithmeticException.class);
    }

    private static EntryDraft draft(String title, BigDecimal hours) {
        return new EntryDraft(EntryKind.CREDIT, null, 3L, title, 5L, 2, FROM, UNTIL, LocalDate.of(2026, 3, 5), hours,
                hours, "  扫码失败 ", "attendance:9", null);
    }
}
