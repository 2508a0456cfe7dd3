package org.leifeng.activity;

import java.time.OffsetDateTime;

/** The shape rules an activity's description must keep, for creating and for changing one alike. */
final class ActivityRules {

    private ActivityRules() {
    }

    static boolean agesOrdered(Integer minAge, Integer maxAge) {
        return minAge == null || maxAge == null || maxAge >= minAge;
    }

    static boolean windowOrdered(OffsetDateTime opensAt, OffsetDateTime closesAt) {
        return opensAt == null || closesAt == null || closesAt.isAfter(opensAt);
    }
}
