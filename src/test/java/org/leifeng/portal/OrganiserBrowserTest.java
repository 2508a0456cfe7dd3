package org.leifeng.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leifeng.support.Browser;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a phone (390×844) an organiser fills in the editor, adds a second shift row (htmx), is told at the field that
 * the ages are the wrong way round with everything typed still there, corrects it and lands on the new activity.
 */
@LeifengTest
class OrganiserBrowserTest {

    @Autowired
    TestClient client;

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOrganiserCorrectsARefusedEditorAndSavesTheActivityOnAPhone() throws Exception {
        String title = TestClient.unique("手机编辑 ");
        String date = ActivityPageFixture.freshDay().toLocalDate().toString();
        browser = Browser.start(390, 844);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(client.baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys("longting.admin");
        browser.findElement(By.id("password")).sendKeys(TestClient.DEMO_PASSWORD);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        browser.get(client.baseUrl() + "/admin/activities/new");
        assertThat(Browser.fitsTheScreen(browser)).isTrue();
        browser.findElement(By.id("add-shift-row")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#shift-rows .shift-fields"), 2));
        browser.findElement(By.id("title")).sendKeys(title);
        new Select(browser.findElement(By.id("category"))).selectByValue("CULTURE");
        browser.findElement(By.id("minAge")).sendKeys("60");
        browser.findElement(By.id("maxAge")).sendKeys("18");
        browser.findElement(By.id("contactName")).sendKeys("周老师");
        setValue(browser.findElements(By.name("shiftDate")).get(0), date);
        browser.findElement(By.cssSelector("#activity-editor button[type=submit]")).click();

        WebElement reason = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-maxAge")));
        assertThat(reason.getText()).isEqualTo("最大年龄不能小于最小年龄");
        assertThat(browser.findElement(By.id("maxAge")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo(title);
        assertThat(browser.findElement(By.id("contactName")).getAttribute("value")).isEqualTo("周老师");
        assertThat(browser.findElements(By.name("shiftDate")).get(0).getAttribute("value")).isEqualTo(date);
        assertThat(Browser.fitsTheScreen(browser)).isTrue();
        TestClient.remember("/admin/activities (refused, browser)", browser.getPageSource());
        scrollTo(reason);
        Browser.screenshot(browser, "organiser-editor-refused.png");

        browser.findElement(By.id("maxAge")).clear();
        browser.findElement(By.id("maxAge")).sendKeys("70");
        browser.findElement(By.cssSelector("#activity-editor button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("admin-shifts")));
        assertThat(browser.findElement(By.id("activity-facts")).getText()).contains("文化服务", "60–70 岁", "周老师");
        assertThat(browser.findElement(By.id("admin-shifts")).getText()).contains(date + " 09:00 – 11:00");
        assertThat(Browser.fitsTheScreen(browser)).isTrue();
        TestClient.remember("/admin/activities/{id} (browser)", browser.getPageSource());
        scrollTo(browser.findElement(By.id("admin-shifts")));
        Browser.screenshot(browser, "organiser-activity.png");
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** Date inputs take keys in the browser's own order; the value is set the way a date picker sets it. */
    private void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, value);
    }
}
