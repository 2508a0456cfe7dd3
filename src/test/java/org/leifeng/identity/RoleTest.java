package org.leifeng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoleTest {

    @ParameterizedTest
    @EnumSource(Role.class)
    void orgAdminSatisfiesEveryRole(Role required) {
        assertThat(Role.ORG_ADMIN.satisfies(required)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleSatisfiesItself(Role role) {
        assertThat(role.satisfies(role)).isTrue();
    }

    @Test
    void otherRolesSatisfyOnlyThemselves() {
        for (Role held : Role.values()) {
            if (held == Role.ORG_ADMIN) {
                continue;
            }
            for (Role required : Role.values()) {
                assertThat(held.satisfies(required)).as("%s satisfies %s", held, required).isEqualTo(held == required);
            }
        }
    }

    @Test
    void noRoleButOrgAdminSatisfiesOrgAdmin() {
        assertThat(Role.REVIEWER.satisfies(Role.ORG_ADMIN)).isFalse();
        assertThat(Role.TEAM_LEADER.satisfies(Role.ORG_ADMIN)).isFalse();
        assertThat(Role.VOLUNTEER.satisfies(Role.ORG_ADMIN)).isFalse();
    }

    @Test
    void scopedGrantCoversItsSubtreeOnly() {
        ScopedGrant grant = new ScopedGrant(Role.ORG_ADMIN, 4, "/1/4/");

        assertThat(grant.covers("/1/4/")).isTrue();
        assertThat(grant.covers("/1/4/17/")).isTrue();
        assertThat(grant.covers("/1/")).isFalse();
        assertThat(grant.covers("/1/40/")).as("a sibling whose id starts with the same digits").isFalse();
        assertThat(grant.covers("/1/5/4/")).isFalse();
    }
}
