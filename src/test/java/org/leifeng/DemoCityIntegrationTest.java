package org.leifeng;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.leifeng.platform.PersonalData;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.leifeng.volunteer.ResidentIdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo city that a first start loads: Kaifeng's tree, its teams, 2,000 fictitious volunteers. */
@LeifengTest
class DemoCityIntegrationTest {

    private static final List<String> DISTRICTS = List.of("龙亭区", "顺河回族区", "鼓楼区", "禹王台区", "祥符区",
            "杞县", "通许县", "尉氏县", "兰考县");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personalData;

    @Autowired
    TestClient client;

    @Test
    void kaifengHasItsNineDistrictsAndCountiesEachWithStreetsUnitsAndAPracticeCentre() {
        List<String> districts = jdbc.sql("""
                SELECT c.name FROM organisation c JOIN organisation r ON r.id = c.parent_id
                WHERE r.parent_id IS NULL AND c.type = 'DISTRICT' ORDER BY c.id""").query(String.class).list();
        assertThat(districts).containsAll(DISTRICTS);
        for (String district : DISTRICTS) {
            var types = jdbc.sql("""
                    SELECT DISTINCT o.type FROM organisation o, organisation d
                    WHERE d.name = :district AND d.type = 'DISTRICT' AND o.path LIKE d.path || '%' AND o.id <> d.id""")
                    .param("district", district).query(String.class).list();
            assertThat(types).as(district).contains("STREET", "PRACTICE_CENTRE", "COMMUNITY", "SCHOOL", "ENTERPRISE",
                    "SOCIAL_ORGANISATION");
        }
    }

    @Test
    void demoVolunteersHaveValidFictitiousKaifengIdNumbersAndServeInTeamsOfEveryDistrict() {
        List<String> numbers = jdbc.sql("""
                SELECT id_number_key, id_number_cipher FROM volunteer v
                WHERE volunteer_number IN (SELECT volunteer_number FROM volunteer ORDER BY id LIMIT 2000)
                  AND id_number_cipher IS NOT NULL""")
                .query((rs, row) -> personalData.open(new PersonalData.Sealed(rs.getString(1), rs.getBytes(2)))).list();
        assertThat(numbers).hasSizeGreaterThanOrEqualTo(1_990);
        assertThat(numbers).allSatisfy(number -> {
            assertThat(ResidentIdNumber.defectOf(number, LocalDate.now())).isEmpty();
            assertThat(number).startsWith("4102");
        });
        for (String district : DISTRICTS) {
            long members = jdbc.sql("""
                    SELECT count(*) FROM team_membership m JOIN team t ON t.id = m.team_id
                    JOIN organisation o ON o.id = t.organisation_id, organisation d
                    WHERE d.name = :district AND d.type = 'DISTRICT' AND o.path LIKE d.path || '%' AND m.left_at IS NULL""")
                    .param("district", district).query(Long.class).single();
            assertThat(members).as("members of the teams of " + district).isGreaterThan(20);
        }
    }

    @Test
    void demoVolunteersRegisteredOverThePastEachBeforeTheirFirstService() {
        long served = jdbc.sql("SELECT count(DISTINCT volunteer_id) FROM service_entry WHERE source_key LIKE 'demo:%'")
                .query(Long.class).single();
        long servedBeforeRegistering = jdbc.sql("""
                SELECT count(DISTINCT v.id) FROM volunteer v JOIN service_entry e ON e.volunteer_id = v.id
                WHERE e.source_key LIKE 'demo:%' AND e.served_from < v.registered_at""").query(Long.class).single();
        assertThat(served).as("demo volunteers with a year of service").isGreaterThan(100);
        assertThat(servedBeforeRegistering).as("demo volunteers who served before they registered").isZero();

        String lankao = client.tokenFor("lankao.admin", TestClient.DEMO_PASSWORD);
        var lastThirtyDays = client.get("/api/v1/stats/overview", lankao).json();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var theTwoYearsBefore = client.get("/api/v1/stats/overview?from=" + today.minusDays(30 + 730) + "&to="
                + today.minusDays(31), lankao).json();
        long volunteers = lastThirtyDays.get("volunteers").asLong();
        assertThat(lastThirtyDays.get("newRegistrations").asLong()).as("new in the last 30 days, of %d", volunteers)
                .isLessThan(volunteers / 10);
        assertThat(theTwoYearsBefore.get("newRegistrations").asLong()).as("registered in the two years before")
                .isGreaterThan(volunteers / 4);
    }
}
