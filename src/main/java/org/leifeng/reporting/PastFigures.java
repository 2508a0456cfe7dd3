package org.leifeng.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.roaringbitmap.longlong.Roaring64NavigableMap;
import org.springframework.stereotype.Component;

/**
 * The figures of days before today, above all what cannot be summed from parts (who was active, which activities
 * were held): for a city's year that means reading millions of rows, yet it only changes when a fact about a past day arrives (a
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
                    past.active().getLongSizeInBytes() + past.activities().getLongSizeInBytes()
                            + 8L * key.organisations().size() + 256))
            .build();

    PastFigures(ReportStore store) {
        this.store = store;
    }

    /**
     * Of [from, to), all days before today: who was active, registrations before {@code to} and within, service hours
     * and participations, the activities with service, hours by category, people served.
     */
    record Past(Roaring64NavigableMap active, long registeredBefore, long registeredWithin, BigDecimal hours,
            long participations, Roaring64NavigableMap activities, Map<String, BigDecimal> hoursByCategory,
            long peopleServed) {
    }

    private record Key(List<Long> organisations, LocalDate from, LocalDate to, long version) {
    }

    Past of(List<Long> organisations, LocalDate from, LocalDate to, long version) {
        return cache.get(new Key(List.copyOf(organisations), from, to, version), key -> {
            long[] registrations = store.registrations(organisations, from, to);
            Roaring64NavigableMap active = new Roaring64NavigableMap();
            Roaring64NavigableMap activities = new Roaring64NavigableMap();
            if (!from.isBefore(to)) {
                return new Past(active, registrations[0], registrations[1], BigDecimal.ZERO, 0, activities, Map.of(), 0);
            }
            store.forEachActiveVolunteer(organisations, from, to, active::addLong);
            active.runOptimize();
            store.servedActivities(organisations, from, to).forEach(activities::addLong);
            activities.runOptimize();
            ReportStore.Service service = store.service(organisations, from, to);
            return new Past(active, registrations[0], registrations[1], service.hours(), service.participations(),
                    activities, Map.copyOf(store.hoursByCategory(organisations, from, to)),
                    store.peopleServed(organisations, from, to));
        });
    }
}
