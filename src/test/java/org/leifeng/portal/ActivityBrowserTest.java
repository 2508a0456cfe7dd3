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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a phone (390×844) a volunteer finds an activity, signs up for a shift and cancels on "我的报名"; signing up and
 * cancelling change just their row (htmx), so a marker put into the page beforehand is still there afterwards.
 */
@LeifengTest
class ActivityBrowserTest {

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
    void aVolunteerFindsAnActivitySignsUpAndCancelsOnAPhone() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        String title = TestClient.unique("手机报名 ");
        var published = fixture.publish(fixture.activity(title, ActivityPageFixture.freshDay(), 4, true));
        var volunteer = fixture.volunteer();
        browser = Browser.start(390, 844);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get(client.baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(volunteer.phone());
        browser.findElement(By.id("password")).sendKeys(ActivityPageFixture.PASSWORD);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        browser.get(client.baseUrl() + "/activities");
        browser.findElement(By.id("q")).sendKeys(title);
        browser.findElement(By.cssSelector("#activity-filters button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("q="));
        assertThat(Browser.fitsTheScreen(browser)).isTrue();
        TestClient.remember("/activities (browser)", browser.getPageSource());
        Browser.screenshot(browser, "activities.png");
        browser.findElement(By.linkText(title)).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("shift-" + published.shiftId())));
        assertThat(Browser.fitsTheScreen(browser)).isTrue();
        mark();
        browser.findElement(By.cssSelector("#shift-" + published.shiftId() + " button.sign-up")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#shift-" + published.shiftId()
                + " .my-status"), "已报名"));
        assertThat(browser.findElement(By.id("shift-" + published.shiftId())).getText()).contains("剩余 3 个名额");
        assertThat(marked()).as("the page was not reloaded").isTrue();
        TestClient.remember("/activities/" + published.activityId() + " (browser)", browser.getPageSource());
        Browser.screenshot(browser, "activity-signed-up.png");

        browser.get(client.baseUrl() + "/account/signups");
        assertThat(browser.findElement(By.id("my-signups")).getText()).contains(title, "已报名");
        assertThat(Browser.fitsTheScreen(browser)).isTrue();
        mark();
        browser.findElement(By.cssSelector("#my-signups button.cancel-signup")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-signups"), "报名已取消"));
        assertThat(browser.findElements(By.cssSelector("#my-signups button.cancel-signup"))).isEmpty();
        assertThat(marked()).as("the page was not reloaded").isTrue();
        TestClient.remember("/account/signups (browser)", browser.getPageSource());
        Browser.screenshot(browser, "my-signups.png");
    }

    private void mark() {
        ((JavascriptExecutor) browser).executeScript(
                "var m = document.createElement('span'); m.id = 'not-reloaded'; document.body.appendChild(m);");
    }

    private boolean marked() {
        return !browser.findElements(By.id("not-reloaded")).isEmpty();
    }
}
