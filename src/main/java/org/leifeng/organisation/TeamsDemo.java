package org.leifeng.organisation;

import java.util.Map;
import java.util.Optional;

import org.leifeng.identity.Accounts;
import org.leifeng.identity.Grant;
import org.leifeng.identity.OrganisationDirectory;
import org.leifeng.identity.Role;
import org.leifeng.platform.DemoDataContributor;
import org.springframework.stereotype.Component;

/**
 * Three teams in every district and county of the demo city: a youth team of the district, a women's team of its
 * first street or township, and one with a local calling. Each is led by the district's demo administrator; the
 * volunteer module adds members later.
 */
@Component
class TeamsDemo implements DemoDataContributor {

    private static final Map<String, String> LOCAL_TEAMS = Map.of(
            "龙亭区", "龙亭区文明交通志愿服务队",
            "顺河回族区", "顺河回族区民族团结志愿服务队",
            "鼓楼区", "鼓楼区夜市文明劝导队",
            "禹王台区", "禹王台区繁塔文化守护志愿服务队",
            "祥符区", "祥符区朱仙镇年画传承志愿服务队",
            "杞县", "杞县助学圆梦志愿服务队",
            "通许县", "通许县应急救援志愿服务队",
            "尉氏县", "尉氏县孝老爱亲志愿服务队",
            "兰考县", "兰考县焦裕禄精神宣讲队");

    private final TeamStore teams;
    private final MembershipStore memberships;
    private final OrganisationDirectory directory;
    private final Accounts accounts;

    TeamsDemo(TeamStore teams, MembershipStore memberships, OrganisationDirectory directory, Accounts accounts) {
        this.teams = teams;
        this.memberships = memberships;
        this.directory = directory;
        this.accounts = accounts;
    }

    @Override
    public String key() {
        return "organisation.teams";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void load() {
        long city = directory.rootId();
        for (KaifengDemo.DistrictPlan plan : KaifengDemo.DISTRICTS) {
            // A district renamed or an administrator removed since the demo loaded is simply left without teams.
            Optional<Long> district = teams.organisationNamed(city, plan.name());
            Optional<Long> leader = accounts.idOfUsername(plan.account() + ".admin");
            if (district.isEmpty() || leader.isEmpty()) {
                continue;
            }
            String street = plan.streets().get(0);
            add(district.get(), plan.name() + "青年志愿服务队", "组织青年志愿者参与社区服务、文明实践和大型活动保障。", leader.get());
            teams.organisationNamed(district.get(), street).ifPresent(streetId -> add(streetId,
                    street + "巾帼志愿服务队", "发挥妇女在邻里互助、关爱老幼和家风建设中的作用。", leader.get()));
            add(district.get(), LOCAL_TEAMS.get(plan.name()), "立足本地特色，常态化开展志愿服务。", leader.get());
        }
    }

    private void add(long organisationId, String name, String description, long leaderId) {
        teams.insert(new NewTeam(organisationId, name, description, leaderId)).ifPresent(id -> {
            memberships.join(id, leaderId);
            accounts.grantOnBehalfOfPlatform(leaderId, new Grant(Role.TEAM_LEADER, organisationId));
        });
    }
}
