package org.leifeng.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leifeng.support.Browser;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard of a district over the demo city's year of hours, its exports read back, and its charts drawn. */
@LeifengTest
class DashboardPagesIntegrationTest {

    @Autowired
    TestClient client;
    @Autowired
    JdbcClient jdbc;

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aDistrictAdministratorSeesItsFiguresChartsDataAndRanking() throws Exception {
        var session = new ActivityPageFixture(client).signedIn("longting.admin", TestClient.DEMO_PASSWORD);

        HttpResponse<String> page = session.get("/admin/dashboard?from=" + LocalDate.now().minusYears(1));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("数据看板 · 龙亭区", "data-figure=\"serviceHours\"", "data-chart=\"line\"",
                "北书店街道", "/admin/dashboard/ranking.xlsx", "id=\"top-activities\"", "星级志愿者人数")
                .doesNotContain("鼓楼区</a>");
        assertThat(session.getIn("en", "/admin/dashboard").body()).contains("Dashboard", "Service hours");
    }

    @Test
    void eachKeyFigureShowsItsChangeOnThePreviousPeriod() throws Exception {
        var session = new ActivityPageFixture(client).signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        var overview = client.get("/api/v1/stats/overview", client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD))
                .json();
        BigDecimal now = overview.get("serviceHours").decimalValue();
        BigDecimal before = overview.get("previous").get("serviceHours").decimalValue();
        assertThat(before).as("the demo district served in the previous 30 days").isPositive();
        BigDecimal percent = now.subtract(before).multiply(BigDecimal.valueOf(100))
                .divide(before, 1, RoundingMode.HALF_UP);
        String change = (percent.signum() > 0 ? "+" : "") + percent.toPlainString();

        String chinese = session.get("/admin/dashboard").body();
        String english = session.getIn("en", "/admin/dashboard").body();

        assertThat(figureChange(chinese, "serviceHours")).isEqualTo("较上期 " + change + "%");
        assertThat(figureChange(english, "serviceHours")).isEqualTo(change + "% on the previous period");
        assertThat(figureChange(chinese, "activeVolunteers")).startsWith("较上期 ");
        assertThat(figureChange(chinese, "participations")).startsWith("较上期 ");
    }

    @Test
    void theRankingHasARowForTheDistrictsOwnLevelAndItsRowsAddUpToTheDistrict() throws Exception {
        var session = new ActivityPageFixture(client).signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        String from = LocalDate.now().minusYears(1).toString();
        var overview = client.get("/api/v1/stats/overview?from=" + from,
                client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD)).json();

        String chinese = session.get("/admin/dashboard?from=" + from).body();
        HttpResponse<byte[]> csv = session.getBytes("/admin/dashboard/ranking.csv?from=" + from);
        String english = session.getIn("en", "/admin/dashboard?from=" + from).body();

        assertThat(chinese).contains("龙亭区（本级）");
        assertThat(english).contains("龙亭区 (own level)");
        List<CSVRecord> records = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(csv.body(), 3, csv.body().length - 3),
                        StandardCharsets.UTF_8)).getRecords();
        assertThat(records).anySatisfy(record -> assertThat(record.get("单位")).isEqualTo("龙亭区（本级）"));
        assertThat(records.stream().map(record -> new BigDecimal(record.get("服务时长（小时）")))
                .reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("the exported rows add up to the district").isEqualByComparingTo(
                        overview.get("serviceHours").decimalValue());
    }

    @Test
    void figuresThePlatformDoesNotCountYetAreNotShown() throws Exception {
        var session = new ActivityPageFixture(client).signedIn("longting.admin", TestClient.DEMO_PASSWORD);

        String chinese = session.get("/admin/dashboard").body();
        String english = session.getIn("en", "/admin/dashboard").body();

        assertThat(chinese).doesNotContain("requestsCompleted", "averageRating", "服务需求", "满意度", "评分");
        assertThat(english).doesNotContain("requestsCompleted", "averageRating", "Requests", "rating");
    }

    /** The text under a key figure of the dashboard: its change on the previous period. */
    private static String figureChange(String page, String figure) {
        Matcher card = Pattern.compile("data-figure=\"" + figure
                + "\">.*?<span class=\"figure-change\">([^<]*)</span>", Pattern.DOTALL).matcher(page);
        assertThat(card.find()).as("the %s card", figure).isTrue();
        return card.group(1).strip();
    }

    @Test
    void theRankingExportsAsAnExcelWorkbookAndAsCsvWithAByteOrderMark() throws Exception {
        var session = new ActivityPageFixture(client).signedIn("admin", TestClient.ADMIN_PASSWORD);

        HttpResponse<byte[]> xlsx = session.getBytes("/admin/dashboard/ranking.xlsx?from=" + LocalDate.now().minusYears(1));
        HttpResponse<byte[]> csv = session.getBytes("/admin/dashboard/ranking.csv?from=" + LocalDate.now().minusYears(1));

        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("单位");
            assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(9);
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isPositive();
        }
        assertThat(csv.body()[0]).isEqualTo((byte) 0xEF);
        List<CSVRecord> records = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(csv.body(), 3, csv.body().length - 3),
                        StandardCharsets.UTF_8)).getRecords();
        assertThat(records).hasSizeGreaterThanOrEqualTo(9);
        assertThat(records.get(0).get("单位")).endsWith("区");
        assertThat(Double.parseDouble(records.get(0).get("服务时长（小时）"))).isPositive();
    }

    @Test
    void theServiceRecordsExportListsEveryCountedRecordOfTheScopeWithCorrectedHoursAndIsAudited() throws Exception {
        var session = new ActivityPageFixture(client).signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        LocalDate from = LocalDate.now().minusYears(1);
        long audited = jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'report.recordsExported'")
                .query(Long.class).single();
        var overview = client.get("/api/v1/stats/overview?from=" + from,
                client.tokenFor("longting.admin", TestClient.DEMO_PASSWORD)).json();

        HttpResponse<byte[]> csv = session.getBytes("/admin/dashboard/records.csv?from=" + from);
        HttpResponse<byte[]> xlsx = session.getBytes("/admin/dashboard/records.xlsx?from=" + from);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()[0]).isEqualTo((byte) 0xEF);
        List<CSVRecord> records = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(csv.body(), 3, csv.body().length - 3),
                        StandardCharsets.UTF_8)).getRecords();
        assertThat(records).isNotEmpty();
        assertThat(records).allSatisfy(record -> {
            assertThat(record.get("志愿者编号")).startsWith("4102");
            assertThat(record.get("姓名")).isNotBlank();
            assertThat(LocalDate.parse(record.get("服务日期"))).isAfterOrEqualTo(from);
        });
        BigDecimal total = records.stream().map(record -> new BigDecimal(record.get("时长（小时）")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).as("the records add up to the overview's hours").isEqualByComparingTo(
                overview.get("serviceHours").decimalValue());
        assertThat((long) records.size()).as("one line per participation").isEqualTo(
                overview.get("participations").asLong());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("服务日期");
            assertThat(sheet.getLastRowNum()).isEqualTo(records.size());
            assertThat(sheet.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.parse(records.get(0).get("服务日期")));
            assertThat(sheet.getRow(1).getCell(7).getNumericCellValue()).isPositive();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'report.recordsExported'")
                .query(Long.class).single()).as("each export is audited").isEqualTo(audited + 2);
    }

    @Test
    void aBigScreenLinkShowsTheFiguresWithoutSignInUntilItIsRevoked() throws Exception {
        var session = new ActivityPageFixture(client).signedIn("longting.admin", TestClient.DEMO_PASSWORD);
        HttpResponse<String> dashboard = session.get("/admin/dashboard");
        long longting = client.organisationId("龙亭区", client.adminToken());

        HttpResponse<String> created = session.post("/admin/dashboard/display-links", dashboard.body(),
                Map.of("organisationId", String.valueOf(longting), "label", "区政务大厅"), false);
        assertThat(created.statusCode()).isEqualTo(302);
        HttpResponse<String> after = session.get("/admin/dashboard?organisationId=" + longting);
        Matcher link = Pattern.compile("(/screen/[A-Za-z0-9_-]{43})").matcher(after.body());
        assertThat(link.find()).as("the new link is shown once").isTrue();

        var anonymous = new ActivityPageFixture(client).anonymous();
        HttpResponse<String> screen = anonymous.get(link.group(1));
        assertThat(screen.statusCode()).isEqualTo(200);
        assertThat(screen.body()).contains("big-screen", "龙亭区", "http-equiv=\"refresh\" content=\"60\"",
                "data-theme=\"dark\"").doesNotContain("name=\"password\"");
        assertThat(session.get("/admin/dashboard").body()).doesNotContain(link.group(1));

        Matcher revoke = Pattern
                .compile("action=\"(/admin/dashboard/display-links/\\d+/revoke)\"").matcher(after.body());
        assertThat(revoke.find()).isTrue();
        assertThat(session.post(revoke.group(1), after.body(), Map.of(), false).statusCode()).isEqualTo(302);
        assertThat(anonymous.get(link.group(1)).statusCode()).isEqualTo(404);
        assertThat(anonymous.get("/screen/not-a-token").statusCode()).isEqualTo(404);
    }

    @Test
    void theChartsAreDrawnOnAPhone() throws Exception {
        browser = Browser.start(390, 844);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(client.baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys("longting.admin");
        browser.findElement(By.id("password")).sendKeys(TestClient.DEMO_PASSWORD);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        wait.until(driver -> !driver.getCurrentUrl().contains("/login"));

        browser.get(client.baseUrl() + "/admin/dashboard?from=" + LocalDate.now().minusYears(1));
        wait.until(driver -> driver.findElements(By.cssSelector("[data-chart][data-drawn=true]")).size() == 4);

        assertThat(browser.findElements(By.cssSelector("[data-chart] svg"))).hasSize(4);
        assertThat(Browser.fitsTheScreen(browser)).isTrue();
        Browser.screenshot(browser, "dashboard.png");
    }
}
