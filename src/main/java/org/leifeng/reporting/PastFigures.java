package org.leifeng.reporting;

import java.time.LocalDate;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.roaringbitmap.longlong.Roaring64NavigableMap;
import org.springframework.stereotype.Component;

/**
 * What cannot be summed from parts, who was active, and the running total of registrations, for days before today:
 * for a city's year that means reading millions of rows, yet it only changes when a fact about a past day arrives (a
 * correction, a late check-out, a back-filled record, a rebuild), which bumps {@code report_version}. So it is read
 * once per subtree, range and version and kept: the active volunteers as a compressed set of ids (a few hundred
 * kilobytes for a city's month), against which today's volunteers are checked afresh on every request. Each node keeps
 * its own copy; the version in PostgreSQL keeps them all right.
 */
@Component
class PastFigures {

    /** Bytes of kept sets; beyond it, the least recently used go. */
    private static final long MAX_BYTES = 64L << 20;

    private final ReportStore store;
    private final Cache<Key, Past> cache = Caffeine.newBuilder().maximumWeight(MAX_BYTES)
            .weigher((Key key, Past past) -> (int) Math.min(Integer.MAX_VALUE,
                    past.active().getLongSizeInBytes() + 8L * key.organisations().size() + 64))
            .build();

    PastFigures(ReportStore store) {
        this.store = store;
    }

    /** Who was active in [from, to), registrations before {@code to} and in [from, to): all days before today. */
    record Past(Roaring64NavigableMap active, long registeredBefore, long registeredWithin) {
    }

    private record Key(List<Long> organisations, LocalDate from, LocalDate to, long version) {
    }

    Past of(List<Long> organisations, LocalDate from, LocalDate to, long version) {
        return cache.get(new Key(List.copyOf(organisations), from, to, version), key -> {
            long[] registrations = store.registrations(organisations, from, to);
            Roaring64NavigableMap active = new Roaring64NavigableMap();
            if (from.isBefore(to)) {
                store.forEachActiveVolunteer(organisations, from, to, active::addLong);
            }
            active.runOptimize();
            return new Past(active, registrations[0], registrations[1]);
        });
    }
}
