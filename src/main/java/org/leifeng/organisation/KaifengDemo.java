package org.leifeng.organisation;

import java.util.List;

import org.leifeng.identity.Accounts;
import org.leifeng.identity.Grant;
import org.leifeng.identity.OrganisationDirectory;
import org.leifeng.identity.Role;
import org.leifeng.platform.DemoDataContributor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo city: Kaifeng's five districts and four counties under the root, a few of the real streets and
 * townships of each, a civilization-practice centre per district and county, and units of every kind with
 * invented names. One demo administrator per district or county signs in as {@code <pinyin>.admin}.
 */
@Component
class KaifengDemo implements DemoDataContributor {

    /** District or county | its account name | streets and townships (each gets a community and a practice institute) | units. */
    static final List<DistrictPlan> DISTRICTS = List.of(
            new DistrictPlan("龙亭区", "longting", List.of("北书店街道", "大院街道", "午朝门街道", "北郊乡"),
                    List.of(unit(OrganisationType.SCHOOL, "龙亭区实验小学"), unit(OrganisationType.ENTERPRISE, "汴京文旅发展有限公司"),
                            unit(OrganisationType.SOCIAL_ORGANISATION, "龙亭区益善志愿服务协会"), unit(OrganisationType.AGENCY, "龙亭区民政局"))),
            new DistrictPlan("顺河回族区", "shunhe", List.of("清平街道", "铁塔街道", "曹门街道", "土柏岗乡"),
                    List.of(unit(OrganisationType.SCHOOL, "顺河回族区第一初级中学"), unit(OrganisationType.ENTERPRISE, "铁塔食品有限公司"),
                            unit(OrganisationType.SOCIAL_ORGANISATION, "顺河爱心助老服务中心"))),
            new DistrictPlan("鼓楼区", "gulou", List.of("相国寺街道", "州桥街道", "西司门街道", "五一街道"),
                    List.of(unit(OrganisationType.SCHOOL, "鼓楼区第二实验小学"), unit(OrganisationType.ENTERPRISE, "州桥商贸有限公司"),
                            unit(OrganisationType.SOCIAL_ORGANISATION, "鼓楼区青年志愿者协会"), unit(OrganisationType.AGENCY, "鼓楼区卫生健康委员会"))),
            new DistrictPlan("禹王台区", "yuwangtai", List.of("三里堡街道", "繁塔街道", "新门关街道", "南郊乡"),
                    List.of(unit(OrganisationType.SCHOOL, "禹王台区繁塔小学"), unit(OrganisationType.ENTERPRISE, "汴梁机械制造有限公司"),
                            unit(OrganisationType.SOCIAL_ORGANISATION, "禹王台区红十字志愿服务队"))),
            new DistrictPlan("祥符区", "xiangfu", List.of("城关镇", "朱仙镇", "陈留镇", "八里湾镇"),
                    List.of(unit(OrganisationType.SCHOOL, "祥符区高级中学"), unit(OrganisationType.ENTERPRISE, "朱仙镇年画文化有限公司"),
                            unit(OrganisationType.SOCIAL_ORGANISATION, "祥符区乡村振兴志愿服务社"))),
            new DistrictPlan("杞县", "qixian", List.of("城关镇", "五里河镇", "高阳镇", "葛岗镇"),
                    List.of(unit(OrganisationType.SCHOOL, "杞县第一实验学校"), unit(OrganisationType.ENTERPRISE, "杞县大蒜农业合作社"),
                            unit(OrganisationType.SOCIAL_ORGANISATION, "杞县助学志愿者协会"))),
            new DistrictPlan("通许县", "tongxu", List.of("城关镇", "竖岗镇", "玉皇庙镇", "长智镇"),
                    List.of(unit(OrganisationType.SCHOOL, "通许县实验中学"), unit(OrganisationType.ENTERPRISE, "通许食品加工有限公司"),
                            unit(OrganisationType.SOCIAL_ORGANISATION, "通许县应急救援志愿队"))),
            new DistrictPlan("尉氏县", "weishi", List.of("城关镇", "洧川镇", "朱曲镇", "张市镇"),
                    List.of(unit(OrganisationType.SCHOOL, "尉氏县第三高级中学"), unit(OrganisationType.ENTERPRISE, "尉氏纺织有限公司"),
                            unit(OrganisationType.SOCIAL_ORGANISATION, "尉氏县文明交通志愿服务协会"))),
            new DistrictPlan("兰考县", "lankao", List.of("城关镇", "堌阳镇", "东坝头镇", "南彰镇"),
                    List.of(unit(OrganisationType.SCHOOL, "兰考县第一高级中学"), unit(OrganisationType.ENTERPRISE, "兰考民族乐器有限公司"),
                            unit(OrganisationType.SOCIAL_ORGANISATION, "兰考县焦裕禄精神志愿服务队"), unit(OrganisationType.AGENCY, "兰考县团县委"))));

    private final OrganisationStore store;
    private final OrganisationDirectory directory;
    private final Accounts accounts;
    private final String demoPassword;

    KaifengDemo(OrganisationStore store, OrganisationDirectory directory, Accounts accounts,
            @Value("${leifeng.demo-password:Leifeng-demo-2026}") String demoPassword) {
        this.store = store;
        this.directory = directory;
        this.accounts = accounts;
        this.demoPassword = demoPassword;
    }

    @Override
    public String key() {
        return "organisation.kaifeng";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void load() {
        long city = directory.rootId();
        add(city, OrganisationType.PRACTICE_CENTRE, "开封市新时代文明实践中心");
        add(city, OrganisationType.AGENCY, "开封市文明办");
        for (DistrictPlan plan : DISTRICTS) {
            long district = add(city, OrganisationType.DISTRICT, plan.name());
            add(district, OrganisationType.PRACTICE_CENTRE, plan.name() + "新时代文明实践中心");
            for (String streetName : plan.streets()) {
                long street = add(district, OrganisationType.STREET, streetName);
                String shortName = streetName.replaceAll("(街道|镇|乡)$", "");
                add(street, OrganisationType.PRACTICE_INSTITUTE, streetName + "新时代文明实践所");
                long community = add(street, OrganisationType.COMMUNITY, shortName + (streetName.endsWith("街道") ? "社区" : "村"));
                add(community, OrganisationType.PRACTICE_STATION, shortName + "新时代文明实践站");
            }
            plan.units().forEach(unit -> add(district, unit.type(), unit.name()));
            accounts.provision(plan.account() + ".admin", demoPassword,
                    List.of(new Grant(Role.ORG_ADMIN, district)), null);
        }
    }

    private long add(long parent, OrganisationType type, String name) {
        return store.insert(parent, name, type).orElseThrow();
    }

    private static Unit unit(OrganisationType type, String name) {
        return new Unit(type, name);
    }

    record DistrictPlan(String name, String account, List<String> streets, List<Unit> units) {
    }

    private record Unit(OrganisationType type, String name) {
    }
}
