package org.leifeng.activity;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** Real places of Kaifeng's districts and counties, and how their activities are called, for the demo city. */
final class KaifengPlaces {

    record Place(String name, String address, double lat, double lon) {
    }

    static final Map<String, List<Place>> DISTRICTS = Map.of(
            "龙亭区", List.of(new Place("龙亭公园", "开封市龙亭区中山路北段龙亭公园", 34.8063, 114.3502),
                    new Place("北书店街", "开封市龙亭区北书店街", 34.7990, 114.3526),
                    new Place("清明上河园", "开封市龙亭区龙亭西路5号清明上河园", 34.8108, 114.3360)),
            "顺河回族区", List.of(new Place("东大寺", "开封市顺河回族区文殊寺街东大寺", 34.7930, 114.3640),
                    new Place("铁塔公园", "开封市顺河回族区北门大街210号铁塔公园", 34.8100, 114.3670)),
            "鼓楼区", List.of(new Place("鼓楼夜市", "开封市鼓楼区鼓楼街鼓楼广场", 34.7936, 114.3480),
                    new Place("书店街", "开封市鼓楼区书店街", 34.7960, 114.3520),
                    new Place("包公祠", "开封市鼓楼区向阳路1号包公祠", 34.7870, 114.3390)),
            "禹王台区", List.of(new Place("繁塔", "开封市禹王台区繁塔西二街繁塔", 34.7760, 114.3720),
                    new Place("禹王台公园", "开封市禹王台区禹王台路禹王台公园", 34.7740, 114.3800)),
            "祥符区", List.of(new Place("朱仙镇", "开封市祥符区朱仙镇年画街", 34.6300, 114.2860),
                    new Place("祥符区政务服务中心", "开封市祥符区东京大道与晋开大道交叉口", 34.7560, 114.4400)),
            "杞县", List.of(new Place("杞县城关", "开封市杞县金城大道", 34.5500, 114.7830),
                    new Place("杞县人民公园", "开封市杞县人民路人民公园", 34.5530, 114.7770)),
            "通许县", List.of(new Place("通许县城", "开封市通许县咸平路", 34.4800, 114.4670),
                    new Place("通许县咸平湖", "开封市通许县咸平湖公园", 34.4750, 114.4600)),
            "尉氏县", List.of(new Place("尉氏县城", "开封市尉氏县人民路", 34.4120, 114.1930),
                    new Place("尉氏县阮籍公园", "开封市尉氏县阮籍公园", 34.4150, 114.1880)),
            "兰考县", List.of(new Place("焦裕禄纪念园", "开封市兰考县裕禄大道焦裕禄纪念园", 34.8300, 114.8200),
                    new Place("兰考县城", "开封市兰考县中山路", 34.8220, 114.8110)));

    private static final Map<Category, List<String>> TITLES = Map.ofEntries(
            Map.entry(Category.CIVILITY, List.of("%s新时代文明实践志愿服务", "%s移风易俗宣传", "%s文明城市创建劝导")),
            Map.entry(Category.ELDERLY, List.of("%s关爱空巢老人上门服务", "%s助老理发义剪", "%s智能手机助老课堂")),
            Map.entry(Category.CHILDREN, List.of("%s留守儿童陪伴", "%s四点半课堂", "%s关爱儿童安全教育")),
            Map.entry(Category.ENVIRONMENT, List.of("%s垃圾分类宣传", "%s河道清洁", "%s植树护绿")),
            Map.entry(Category.TRAFFIC, List.of("%s文明交通劝导", "%s路口护学岗", "%s礼让斑马线宣传")),
            Map.entry(Category.COMMUNITY, List.of("%s社区环境整治", "%s邻里互助便民服务", "%s社区议事协商")),
            Map.entry(Category.CULTURE, List.of("%s文化讲解志愿服务", "%s非遗展演服务", "%s全民阅读推广")),
            Map.entry(Category.HEALTH, List.of("%s义诊进社区", "%s无偿献血宣传", "%s健康知识讲座")),
            Map.entry(Category.EMERGENCY, List.of("%s应急救护培训", "%s防汛巡查", "%s消防安全演练")),
            Map.entry(Category.EVENTS, List.of("%s菊花文化节服务", "%s马拉松赛事保障", "%s大型活动秩序维护")),
            Map.entry(Category.EDUCATION, List.of("%s理论宣讲", "%s焦裕禄精神宣讲", "%s助学圆梦辅导")),
            Map.entry(Category.OTHER, List.of("%s志愿者招募咨询", "%s志愿服务站值守", "%s爱心物资募集")));

    private static final Map<Category, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(Category.CIVILITY, "弘扬雷锋精神，宣传文明新风。Civilization practice volunteering."),
            Map.entry(Category.ELDERLY, "为辖区老人和残疾人提供生活照料、陪伴和帮扶。Care for the elderly and disabled."),
            Map.entry(Category.CHILDREN, "陪伴留守儿童学习和游戏，开展安全教育。Care for children."),
            Map.entry(Category.ENVIRONMENT, "清理垃圾，宣传垃圾分类，守护绿水青山。Environmental protection."),
            Map.entry(Category.TRAFFIC, "在路口劝导行人和非机动车遵守交通规则。Traffic civility."),
            Map.entry(Category.COMMUNITY, "整治楼道和公共空间，提供便民服务。Community service."),
            Map.entry(Category.CULTURE, "为游客讲解古城历史文化，服务文化活动。Culture and heritage."),
            Map.entry(Category.HEALTH, "组织医护志愿者义诊，普及健康知识。Health and free clinics."),
            Map.entry(Category.EMERGENCY, "开展应急救护培训和安全巡查。Emergency and rescue."),
            Map.entry(Category.EVENTS, "为大型赛会提供引导、咨询和秩序维护。Large-scale events."),
            Map.entry(Category.EDUCATION, "走进基层宣讲政策和先进事迹，辅导学生功课。Education and outreach."),
            Map.entry(Category.OTHER, "其他志愿服务。Other volunteering."));

    private KaifengPlaces() {
    }

    static Place pick(Random random, String district) {
        List<Place> places = DISTRICTS.get(district);
        Place place = places.get(random.nextInt(places.size()));
        // Spread activities around the landmark (a few hundred metres) so distances differ.
        return new Place(place.name(), place.address(), place.lat() + (random.nextDouble() - 0.5) * 0.01,
                place.lon() + (random.nextDouble() - 0.5) * 0.01);
    }

    static String title(Random random, Category category, Place place) {
        List<String> titles = TITLES.get(category);
        return titles.get(random.nextInt(titles.size())).formatted(place.name());
    }

    static String description(Category category, Place place) {
        return "地点：" + place.address() + "。" + DESCRIPTIONS.get(category);
    }
}
