package org.leifeng.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leifeng.support.Browser;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a phone (390×844) a volunteer opens the URL of the organiser's QR code, signs in, and checks in with one tap;
 * the page asks the browser for its position (given here through Chromium's geolocation override) because the
 * activity has a place with a radius.
 */
@LeifengTest
class AttendanceBrowserTest {

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
    void aVolunteerChecksInByOpeningTheQrCodesAddressOnAPhone() throws Exception {
        ActivityPageFixture fixture = new ActivityPageFixture(client);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusMinutes(20).withSecond(0).withNano(0);
        var shift = fixture.publish(fixture.activity(TestClient.unique("手机签到 "), start, 10, false));
        var volunteer = fixture.volunteer();
        assertThat(client.post("/api/v1/shifts/" + shift.shiftId() + "/signups", volunteer.token(), null).status())
                .isEqualTo(201);
        browser = Browser.start(390, 844);
        browser.executeCdpCommand("Browser.grantPermissions",
                Map.of("origin", client.baseUrl(), "permissions", List.of("geolocation")));
        browser.executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", 34.8005, "longitude", 114.35, "accuracy", 10));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        String url = client.get("/api/v1/shifts/" + shift.shiftId() + "/attendance-code", fixture.organiserToken())
                .json().get("url").asString();

        browser.get(url);
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(volunteer.phone());
        browser.findElement(By.id("password")).sendKeys(ActivityPageFixture.PASSWORD);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attend-button")));
        assertThat(Browser.fitsTheScreen(browser)).isTrue();
        browser.findElement(By.id("attend-button")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attend-result")));
        assertThat(browser.findElement(By.id("attend")).getAttribute("data-status")).isEqualTo("CHECKED_IN");
        assertThat(browser.findElement(By.id("attend-result")).getText()).contains("签到");
        TestClient.remember("/attend (browser)", browser.getPageSource());
        Browser.screenshot(browser, "attend-checked-in.png");
        assertThat(client.get("/api/v1/shifts/" + shift.shiftId() + "/attendance", fixture.organiserToken()).json())
                .singleElement().satisfies(row -> assertThat(row.get("status").asString()).isEqualTo("CHECKED_IN"));
    }
}
