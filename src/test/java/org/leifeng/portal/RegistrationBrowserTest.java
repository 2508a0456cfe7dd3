package org.leifeng.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leifeng.support.Browser;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.People;
import org.leifeng.support.TestClient;
import org.leifeng.volunteer.VolunteerNumber;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** Someone registers on a phone (390×844): a mistake is explained without losing what they typed, then it works. */
@LeifengTest
class RegistrationBrowserTest {

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
    void aPersonRegistersOnAPhoneAndThenSignsIn() throws Exception {
        browser = Browser.start(390, 844);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        String phone = TestClient.uniquePhone();
        String idNumber = People.residentId(LocalDate.of(1995, 3, 5));

        browser.get(client.baseUrl() + "/");
        browser.findElement(By.cssSelector(".hero a[href='/register']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("register-form")));
        assertThat(Browser.fitsTheScreen(browser)).isTrue();

        browser.findElement(By.id("name")).sendKeys("雷小锋");
        String wrongCheck = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
        browser.findElement(By.id("idNumber")).sendKeys(wrongCheck);
        browser.findElement(By.id("phone")).sendKeys(phone);
        browser.findElement(By.id("password")).sendKeys("volunteer-pass-1");
        new Select(browser.findElement(By.id("organisationId"))).selectByVisibleText("北书店街道");
        browser.findElement(By.cssSelector("input[name=skills][value=FIRST_AID]")).click();
        browser.findElement(By.id("consent")).click();
        browser.findElement(By.cssSelector("#register-form button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("register-problem")));
        assertThat(browser.findElement(By.id("register-problem")).getText()).contains("校验位");
        assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo("雷小锋");
        assertThat(browser.findElement(By.id("idNumber")).getDomProperty("value")).as("never written back").isEmpty();
        assertThat(browser.findElement(By.id("phone")).getDomProperty("value")).as("never written back").isEmpty();
        TestClient.remember("/register (refused)", browser.getPageSource());

        browser.findElement(By.id("idNumber")).sendKeys(idNumber);
        browser.findElement(By.id("phone")).sendKeys(phone);
        browser.findElement(By.id("password")).sendKeys("volunteer-pass-1");
        browser.findElement(By.cssSelector("#register-form button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("register-done")));
        String number = browser.findElement(By.id("volunteer-number")).getText();
        assertThat(VolunteerNumber.isWellFormed(number)).isTrue();
        assertThat(browser.getPageSource()).doesNotContain(idNumber).contains(idNumber.substring(0, 4) + "**********");
        TestClient.remember("/register (done)", browser.getPageSource());
        Browser.screenshot(browser, "register-done.png");

        browser.findElement(By.cssSelector("#content a[href='/login']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-form")));
        browser.findElement(By.id("username")).sendKeys(phone);
        browser.findElement(By.id("password")).sendKeys("volunteer-pass-1");
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        // The click returns before the sign-in answer arrives: going on at once could open the profile without the
        // session (CI failed so on 5 December).
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get(client.baseUrl() + "/account/profile");
        assertThat(browser.findElement(By.id("volunteer-facts")).getText()).contains(number, "急救");
        TestClient.remember("/account/profile", browser.getPageSource());
        assertThat(browser.getPageSource()).as("the phone is masked, the header included")
                .doesNotContain(phone).contains(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(Browser.fitsTheScreen(browser)).isTrue();
        Browser.screenshot(browser, "my-profile.png");
    }
}
