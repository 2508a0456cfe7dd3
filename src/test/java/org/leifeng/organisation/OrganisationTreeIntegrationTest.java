package org.leifeng.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.Problems;
import org.leifeng.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@LeifengTest
class OrganisationTreeIntegrationTest {

    @Autowired
    TestClient client;

    String admin;
    long longtingId;
    long beishudian;
    long dayuan;

    @BeforeEach
    void setUp() {
        admin = client.adminToken();
        longtingId = client.organisationId("龙亭区", admin);
        beishudian = client.organisationId("北书店街道", admin);
        dayuan = client.organisationId("大院街道", admin);
    }

    private JsonNode organisation(long id) {
        TestClient.Answer answer = client.get("/api/v1/organisations/" + id, admin);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void createdOrganisationSitsUnderItsParentWithMaterialisedPath() {
        JsonNode street = organisation(beishudian);
        String name = TestClient.unique("测试机关");

        TestClient.Answer created = client.createOrganisation(admin, name, "AGENCY", beishudian);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/organisations/" + created.id());
        JsonNode body = created.json();
        assertThat(body.get("name").asString()).isEqualTo(name);
        assertThat(body.get("type").asString()).isEqualTo("AGENCY");
        assertThat(body.get("parentId").asLong()).isEqualTo(beishudian);
        assertThat(body.get("path").asString()).isEqualTo(street.get("path").asString() + created.id() + "/");
        assertThat(body.get("depth").asInt()).isEqualTo(street.get("depth").asInt() + 1);
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("childCount").asInt()).isZero();
        assertThat(organisation(created.id()).get("path").asString()).isEqualTo(body.get("path").asString());
        assertThat(organisation(beishudian).get("childCount").asInt()).isEqualTo(street.get("childCount").asInt() + 1);
    }

    @Test
    void createdNameIsTrimmed() {
        String name = TestClient.unique("带空格");

        TestClient.Answer created = client.createOrganisation(admin, "  " + name + "  ", "AGENCY", beishudian);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asString()).isEqualTo(name);
    }

    @Test
    void duplicateSiblingNameIsAConflict() {
        String name = TestClient.unique("重名单位");
        assertThat(client.createOrganisation(admin, name, "AGENCY", beishudian).status()).isEqualTo(201);

        Problems.assertProblem(client.createOrganisation(admin, name, "SCHOOL", beishudian), 409);
        assertThat(client.createOrganisation(admin, name, "AGENCY", dayuan).status())
                .as("the same name under another parent is fine").isEqualTo(201);
    }

    @Test
    void duplicateNameIgnoresLetterCase() {
        String name = TestClient.unique("Unit-abc");
        assertThat(client.createOrganisation(admin, name, "AGENCY", beishudian).status()).isEqualTo(201);

        Problems.assertProblem(client.createOrganisation(admin, name.toUpperCase(), "AGENCY", beishudian), 409);
    }

    @Test
    void typeThatMayNotStandUnderTheParentIsRefusedWith422() {
        Problems.assertProblem(client.createOrganisation(admin, TestClient.unique("错误区"), "DISTRICT", beishudian), 422);
        Problems.assertProblem(client.createOrganisation(admin, TestClient.unique("错误街道"), "STREET", 1), 422);
        Problems.assertProblem(client.createOrganisation(admin, TestClient.unique("第二个市"), "CITY", longtingId), 422);
        Problems.assertProblem(client.createOrganisation(admin, TestClient.unique("错误社区"), "COMMUNITY", longtingId), 422);
    }

    @Test
    void renameChangesTheNameOnly() {
        long id = client.newOrganisation(admin, TestClient.unique("旧名"), "AGENCY", beishudian);
        JsonNode before = organisation(id);
        String newName = TestClient.unique("新名");

        TestClient.Answer renamed = client.patch("/api/v1/organisations/" + id, admin, Map.of("name", newName));

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo(newName);
        JsonNode after = organisation(id);
        assertThat(after.get("name").asString()).isEqualTo(newName);
        assertThat(after.get("path").asString()).isEqualTo(before.get("path").asString());
        assertThat(after.get("parentId").asLong()).isEqualTo(beishudian);
    }

    @Test
    void renameToASiblingsNameIsAConflict() {
        String taken = TestClient.unique("占用名");
        client.newOrganisation(admin, taken, "AGENCY", beishudian);
        long id = client.newOrganisation(admin, TestClient.unique("想改名"), "AGENCY", beishudian);

        Problems.assertProblem(client.patch("/api/v1/organisations/" + id, admin, Map.of("name", taken)), 409);
    }

    @Test
    void moveRewritesPathsAndDepthsOfTheWholeSubtree() {
        long a = client.newOrganisation(admin, TestClient.unique("A机关"), "AGENCY", beishudian);
        long b = client.newOrganisation(admin, TestClient.unique("B学校"), "SCHOOL", a);
        long c = client.newOrganisation(admin, TestClient.unique("C企业"), "ENTERPRISE", b);
        JsonNode target = organisation(dayuan);
        String targetPath = target.get("path").asString();
        int targetDepth = target.get("depth").asInt();

        TestClient.Answer moved = client.post("/api/v1/organisations/" + a + "/move", admin, Map.of("parentId", dayuan));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("parentId").asLong()).isEqualTo(dayuan);
        assertThat(moved.json().get("path").asString()).isEqualTo(targetPath + a + "/");
        JsonNode movedA = organisation(a);
        JsonNode movedB = organisation(b);
        JsonNode movedC = organisation(c);
        assertThat(movedA.get("path").asString()).isEqualTo(targetPath + a + "/");
        assertThat(movedB.get("path").asString()).isEqualTo(targetPath + a + "/" + b + "/");
        assertThat(movedC.get("path").asString()).isEqualTo(targetPath + a + "/" + b + "/" + c + "/");
        assertThat(movedA.get("depth").asInt()).isEqualTo(targetDepth + 1);
        assertThat(movedB.get("depth").asInt()).isEqualTo(targetDepth + 2);
        assertThat(movedC.get("depth").asInt()).isEqualTo(targetDepth + 3);
        assertThat(movedB.get("parentId").asLong()).isEqualTo(a);
        assertThat(movedC.get("parentId").asLong()).isEqualTo(b);
    }

    @Test
    void moveAcrossDistrictsChangesWhoSeesTheSubtree() {
        long gulouStreet = client.organisationId("相国寺街道", admin);
        long a = client.newOrganisation(admin, TestClient.unique("跨区机关"), "AGENCY", beishudian);
        long b = client.newOrganisation(admin, TestClient.unique("跨区学校"), "SCHOOL", a);
        String longting = client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);
        String gulou = client.tokenFor("gulou.admin", TestClient.DEMO_PASSWORD);
        assertThat(client.get("/api/v1/organisations/" + b, longting).status()).isEqualTo(200);

        assertThat(client.post("/api/v1/organisations/" + a + "/move", admin, Map.of("parentId", gulouStreet)).status())
                .isEqualTo(200);

        Problems.assertProblem(client.get("/api/v1/organisations/" + b, longting), 404);
        assertThat(client.get("/api/v1/organisations/" + b, gulou).status()).isEqualTo(200);
    }

    @Test
    void districtAdminCannotMoveANodeOutOfTheirDistrict() {
        long gulouStreet = client.organisationId("相国寺街道", admin);
        String longting = client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);
        long a = client.newOrganisation(longting, TestClient.unique("不许外移"), "AGENCY", beishudian);

        Problems.assertProblem(client.post("/api/v1/organisations/" + a + "/move", longting,
                Map.of("parentId", gulouStreet)), 404);
        assertThat(organisation(a).get("parentId").asLong()).isEqualTo(beishudian);
    }

    @Test
    void moveNextToASiblingOfTheSameNameIsAConflictAndChangesNothing() {
        String name = TestClient.unique("同名移动");
        long stays = client.newOrganisation(admin, name, "AGENCY", dayuan);
        long moving = client.newOrganisation(admin, name, "AGENCY", beishudian);
        long child = client.newOrganisation(admin, TestClient.unique("同名移动子"), "AGENCY", moving);
        String childPath = organisation(child).get("path").asString();

        Problems.assertProblem(client.post("/api/v1/organisations/" + moving + "/move", admin, Map.of("parentId", dayuan)), 409);

        assertThat(organisation(moving).get("parentId").asLong()).isEqualTo(beishudian);
        assertThat(organisation(child).get("path").asString()).isEqualTo(childPath);
        assertThat(organisation(stays).get("parentId").asLong()).isEqualTo(dayuan);
    }

    @Test
    void movingANodeUnderItsOwnDescendantIsRefusedWith422() {
        long a = client.newOrganisation(admin, TestClient.unique("环A"), "AGENCY", beishudian);
        long b = client.newOrganisation(admin, TestClient.unique("环B"), "AGENCY", a);
        long c = client.newOrganisation(admin, TestClient.unique("环C"), "AGENCY", b);

        Problems.assertProblem(client.post("/api/v1/organisations/" + a + "/move", admin, Map.of("parentId", c)), 422);
        Problems.assertProblem(client.post("/api/v1/organisations/" + a + "/move", admin, Map.of("parentId", b)), 422);
        Problems.assertProblem(client.post("/api/v1/organisations/" + a + "/move", admin, Map.of("parentId", a)), 422);
        assertThat(organisation(a).get("parentId").asLong()).isEqualTo(beishudian);
        assertThat(organisation(c).get("path").asString()).endsWith("/" + a + "/" + b + "/" + c + "/");
    }

    @Test
    void movingTheRootIsRefusedWith422() {
        TestClient.Answer refused = client.post("/api/v1/organisations/1/move", admin, Map.of("parentId", longtingId));

        Problems.assertProblem(refused, 422);
        assertThat(refused.json().get("type").asString()).endsWith("problem.rootCannotMove");
        assertThat(organisation(1).get("path").asString()).isEqualTo("/1/");
    }

    @Test
    void moveUnderAParentOfTheWrongTypeIsRefusedWith422() {
        long community = client.newOrganisation(admin, TestClient.unique("社区"), "COMMUNITY", beishudian);

        Problems.assertProblem(client.post("/api/v1/organisations/" + community + "/move", admin,
                Map.of("parentId", longtingId)), 422);
    }

    @Test
    void deactivationWithActiveChildrenIsRefusedWith422() {
        long parent = client.newOrganisation(admin, TestClient.unique("有子单位"), "AGENCY", beishudian);
        client.newOrganisation(admin, TestClient.unique("子单位"), "AGENCY", parent);

        Problems.assertProblem(client.post("/api/v1/organisations/" + parent + "/deactivate", admin, null), 422);
        assertThat(organisation(parent).get("active").asBoolean()).isTrue();
    }

    @Test
    void deactivatedLeafShowsInactiveInItsParentsChildren() {
        long parent = client.newOrganisation(admin, TestClient.unique("父单位"), "AGENCY", beishudian);
        long leaf = client.newOrganisation(admin, TestClient.unique("叶单位"), "AGENCY", parent);

        TestClient.Answer deactivated = client.post("/api/v1/organisations/" + leaf + "/deactivate", admin, null);

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        TestClient.Answer children = client.get("/api/v1/organisations/" + parent + "/children", admin);
        assertThat(children.status()).isEqualTo(200);
        assertThat(children.json().get("total").asLong()).isEqualTo(1);
        JsonNode only = children.json().get("items").get(0);
        assertThat(only.get("id").asLong()).isEqualTo(leaf);
        assertThat(only.get("active").asBoolean()).isFalse();
        assertThat(client.post("/api/v1/organisations/" + parent + "/deactivate", admin, null).status())
                .as("no active child remains, so the parent may go too").isEqualTo(200);
    }

    @Test
    void activateBringsADeactivatedOrganisationBack() {
        long leaf = client.newOrganisation(admin, TestClient.unique("重启单位"), "AGENCY", beishudian);
        client.post("/api/v1/organisations/" + leaf + "/deactivate", admin, null);

        TestClient.Answer activated = client.post("/api/v1/organisations/" + leaf + "/activate", admin, null);

        assertThat(activated.status()).isEqualTo(200);
        assertThat(organisation(leaf).get("active").asBoolean()).isTrue();
    }

    @Test
    void creatingUnderAnInactiveParentIsRefusedWith422() {
        long parent = client.newOrganisation(admin, TestClient.unique("停用单位"), "AGENCY", beishudian);
        assertThat(client.post("/api/v1/organisations/" + parent + "/deactivate", admin, null).status()).isEqualTo(200);

        Problems.assertProblem(client.createOrganisation(admin, TestClient.unique("停用下"), "AGENCY", parent), 422);
        assertThat(client.get("/api/v1/organisations/" + parent + "/children", admin).json().get("total").asLong()).isZero();
    }

    @Test
    void movingUnderAnInactiveParentIsRefusedWith422() {
        long inactive = client.newOrganisation(admin, TestClient.unique("停用目标"), "AGENCY", beishudian);
        long node = client.newOrganisation(admin, TestClient.unique("要移动"), "AGENCY", beishudian);
        client.post("/api/v1/organisations/" + inactive + "/deactivate", admin, null);

        Problems.assertProblem(client.post("/api/v1/organisations/" + node + "/move", admin, Map.of("parentId", inactive)), 422);
    }

    @Test
    void districtAdminCannotDeactivateOwnDistrictButCityAdminCanDeactivateALeaf() {
        String longting = client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);

        Problems.assertProblem(client.post("/api/v1/organisations/" + longtingId + "/deactivate", longting, null), 403);
        assertThat(organisation(longtingId).get("active").asBoolean()).isTrue();

        long leaf = client.newOrganisation(longting, TestClient.unique("区管叶"), "AGENCY", beishudian);
        TestClient.Answer byCity = client.post("/api/v1/organisations/" + leaf + "/deactivate", admin, null);
        assertThat(byCity.status()).isEqualTo(200);
        assertThat(organisation(leaf).get("active").asBoolean()).isFalse();
    }

    @Test
    void districtAdminMayDeactivateALeafInsideTheDistrict() {
        String longting = client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD);
        long leaf = client.newOrganisation(longting, TestClient.unique("区内叶"), "AGENCY", beishudian);

        assertThat(client.post("/api/v1/organisations/" + leaf + "/deactivate", longting, null).status()).isEqualTo(200);
    }

    @Test
    void rootHasNoParent() {
        JsonNode root = organisation(1);

        assertThat(root.get("type").asString()).isEqualTo("CITY");
        assertThat(root.get("path").asString()).isEqualTo("/1/");
        assertThat(root.get("depth").asInt()).isZero();
        JsonNode parent = root.get("parentId");
        assertThat(parent == null || parent.isNull()).as("the root has no parentId, in %s", root).isTrue();
    }

    @Test
    void rootCannotBeDeactivated() {
        Problems.assertProblem(client.post("/api/v1/organisations/1/deactivate", admin, null), 422);
        assertThat(organisation(1).get("active").asBoolean()).isTrue();
    }

    @Test
    void childrenArePaged() {
        long parent = client.newOrganisation(admin, TestClient.unique("分页父"), "AGENCY", beishudian);
        for (int i = 0; i < 5; i++) {
            client.newOrganisation(admin, TestClient.unique("分页子" + i + "-"), "AGENCY", parent);
        }

        TestClient.Answer first = client.get("/api/v1/organisations/" + parent + "/children?page=0&size=2", admin);
        TestClient.Answer last = client.get("/api/v1/organisations/" + parent + "/children?page=2&size=2", admin);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("items")).hasSize(2);
        assertThat(first.json().get("page").asInt()).isZero();
        assertThat(first.json().get("size").asInt()).isEqualTo(2);
        assertThat(first.json().get("total").asLong()).isEqualTo(5);
        assertThat(last.json().get("items")).hasSize(1);
        assertThat(last.json().get("page").asInt()).isEqualTo(2);
    }

    @Test
    void searchFiltersByNameFragmentAndType() {
        String marker = TestClient.unique("搜索标记");
        client.newOrganisation(admin, marker + "机关", "AGENCY", beishudian);
        client.newOrganisation(admin, marker + "学校", "SCHOOL", beishudian);

        TestClient.Answer all = client.get("/api/v1/organisations?q=" + TestClient.encode(marker), admin);
        TestClient.Answer schools = client.get("/api/v1/organisations?type=SCHOOL&q=" + TestClient.encode(marker), admin);

        assertThat(all.json().get("total").asLong()).isEqualTo(2);
        assertThat(schools.json().get("total").asLong()).isEqualTo(1);
        assertThat(schools.json().get("items").get(0).get("name").asString()).isEqualTo(marker + "学校");
    }

    @Test
    void searchTreatsLikeWildcardsLiterally() {
        TestClient.Answer found = client.get("/api/v1/organisations?q=" + TestClient.encode("%"), admin);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("total").asLong()).isZero();
    }
}
