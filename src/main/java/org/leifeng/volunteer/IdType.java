package org.leifeng.volunteer;

/**
 * The identity documents a volunteer may register with. Only the resident ID card carries a checksum and the
 * holder's birth date and sex; for the others both are asked for.
 */
public enum IdType {
    RESIDENT_ID,
    PASSPORT,
    HK_MACAO_PERMIT,
    TAIWAN_PERMIT,
    FOREIGN_PERMANENT_RESIDENCE;

    /** Letters, digits and no spaces: the loose shape every non-resident document number has. */
    private static final String OTHER_DOCUMENT = "[A-Z0-9]{5,20}";

    public boolean carriesBirthDate() {
        return this == RESIDENT_ID;
    }

    /** The loose shape check for documents without a checksum; resident IDs are checked by {@link ResidentIdNumber}. */
    boolean looksValid(String normalised) {
        return normalised.matches(OTHER_DOCUMENT);
    }
}
