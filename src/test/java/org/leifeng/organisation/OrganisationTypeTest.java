package org.leifeng.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leifeng.organisation.OrganisationType.*;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrganisationTypeTest {

    private static Set<OrganisationType> parentsOf(OrganisationType type) {
        Set<OrganisationType> parents = EnumSet.noneOf(OrganisationType.class);
        for (OrganisationType parent : values()) {
            if (type.mayStandUnder(parent)) {
                parents.add(parent);
            }
        }
        return parents;
    }

    @Test
    void cityStandsUnderNothing() {
        assertThat(parentsOf(CITY)).isEmpty();
    }

    @Test
    void districtStandsOnlyUnderCity() {
        assertThat(parentsOf(DISTRICT)).containsExactly(CITY);
    }

    @Test
    void streetStandsOnlyUnderDistrict() {
        assertThat(parentsOf(STREET)).containsExactly(DISTRICT);
    }

    @Test
    void communityStandsOnlyUnderStreet() {
        assertThat(parentsOf(COMMUNITY)).containsExactly(STREET);
    }

    @Test
    void practiceCentresServeCitiesAndDistricts() {
        assertThat(parentsOf(PRACTICE_CENTRE)).containsExactlyInAnyOrder(CITY, DISTRICT);
    }

    @Test
    void practiceInstitutesServeStreetsUnderCentres() {
        assertThat(parentsOf(PRACTICE_INSTITUTE)).containsExactlyInAnyOrder(STREET, PRACTICE_CENTRE);
    }

    @Test
    void practiceStationsServeCommunities() {
        assertThat(parentsOf(PRACTICE_STATION)).containsExactlyInAnyOrder(COMMUNITY, STREET, PRACTICE_INSTITUTE);
    }

    @ParameterizedTest
    @EnumSource(value = OrganisationType.class, names = {"AGENCY", "SCHOOL", "ENTERPRISE", "SOCIAL_ORGANISATION"})
    void unitsStandUnderAdministrativeLevelsAndOtherUnits(OrganisationType unit) {
        assertThat(parentsOf(unit)).containsExactlyInAnyOrder(CITY, DISTRICT, STREET, AGENCY, SCHOOL, ENTERPRISE,
                SOCIAL_ORGANISATION);
    }

    @ParameterizedTest
    @EnumSource(OrganisationType.class)
    void nothingStandsUnderAPracticeStation(OrganisationType type) {
        assertThat(type.mayStandUnder(PRACTICE_STATION)).isFalse();
    }
}
