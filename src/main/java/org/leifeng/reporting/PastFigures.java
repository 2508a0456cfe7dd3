package org.leifeng.reporting;

import java.time.LocalDate;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * The figures that cannot be summed from parts, the distinct active volunteers, and the running total of
 * registrations, for days before today: counting them for a city's year reads millions of rows, yet they only change
 * when a fact about a past day arrives (a correction, a late check-out, a back-filled record, a rebuild), which bumps
 * {@code report_version}. So they are counted once per subtree, range and version and reused; today's part is always
 * counted afresh ({@link ReportStore#newlyActive}). Each node keeps its own copy; the version in PostgreSQL keeps them
 * all right.
 */
@Component
class PastFigures {

    private final ReportStore store;
    private final Cache<Key, Past> cache = Caffeine.newBuilder().maximumSize(4_000).build();

    PastFigures(ReportStore store) {
        this.store = store;
    }

    /** Active volunteers in [from, to) and registrations before {@code to} and in [from, to), all days before today. */
    record Past(long activeVolunteers, long registeredBefore, long registeredWithin) {
    }

    private record Key(List<Long> organisations, LocalDate from, LocalDate to, long version) {
    }

    Past of(List<Long> organisations, LocalDate from, LocalDate to, long version) {
        return cache.get(new Key(List.copyOf(organisations), from, to, version), key -> {
            long[] registrations = store.registrations(organisations, from, to);
            long active = from.isBefore(to) ? store.activeVolunteers(organisations, from, to) : 0;
            return new Past(active, registrations[0], registrations[1]);
        });
    }
}
