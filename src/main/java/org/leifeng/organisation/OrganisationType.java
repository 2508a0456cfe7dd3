package org.leifeng.organisation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of node in the tree (DOMAIN.md) and where each may stand. DISTRICT covers 区 and 县, STREET covers 街道
 * and 乡镇; civilization-practice centres serve a city or district, institutes a street, stations a community.
 */
public enum OrganisationType {
    CITY,
    DISTRICT,
    STREET,
    AGENCY,
    SCHOOL,
    ENTERPRISE,
    COMMUNITY,
    SOCIAL_ORGANISATION,
    PRACTICE_CENTRE,
    PRACTICE_INSTITUTE,
    PRACTICE_STATION;

    private static final Set<OrganisationType> UNITS = EnumSet.of(AGENCY, SCHOOL, ENTERPRISE, SOCIAL_ORGANISATION);

    /** Whether a node of this type may stand directly under a node of {@code parent}'s type. */
    public boolean mayStandUnder(OrganisationType parent) {
        return switch (this) {
            case CITY -> false;
            case DISTRICT -> parent == CITY;
            case STREET -> parent == DISTRICT;
            case COMMUNITY -> parent == STREET;
            case PRACTICE_CENTRE -> parent == CITY || parent == DISTRICT;
            case PRACTICE_INSTITUTE -> parent == STREET || parent == PRACTICE_CENTRE;
            case PRACTICE_STATION -> parent == COMMUNITY || parent == STREET || parent == PRACTICE_INSTITUTE;
            case AGENCY, SCHOOL, ENTERPRISE, SOCIAL_ORGANISATION ->
                    parent == CITY || parent == DISTRICT || parent == STREET || UNITS.contains(parent);
        };
    }
}
