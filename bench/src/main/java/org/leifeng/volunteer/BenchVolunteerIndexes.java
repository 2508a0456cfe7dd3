package org.leifeng.volunteer;

/**
 * Bench-side door to the blind-index purposes of {@link Volunteers} (package-private), so seeded volunteers are
 * found by ID number and phone exactly like registered ones.
 */
public final class BenchVolunteerIndexes {

    private BenchVolunteerIndexes() {
    }

    public static String idDocumentPurpose() {
        return Volunteers.ID_INDEX;
    }

    public static String phonePurpose() {
        return Volunteers.PHONE_INDEX;
    }
}
