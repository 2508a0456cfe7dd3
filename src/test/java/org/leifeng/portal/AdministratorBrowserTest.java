package org.leifeng.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leifeng.support.Browser;
import org.leifeng.support.LeifengTest;
import org.leifeng.support.TestClient;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** An administrator on a phone: signs in, sees the Kaifeng tree, opens a district, switches to English and back. */
@LeifengTest
class AdministratorBrowserTest {

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
    void adminSignsInSeesTheKaifengTreeAndSwitchesLanguage() throws Exception {
        browser = Browser.start(390, 844);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get(client.baseUrl() + "/");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("开封市");

        browser.get(client.baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(TestClient.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/admin/organisations"));
        WebElement tree = browser.findElement(By.id("org-tree"));
        assertThat(tree.getText()).contains("开封市", "龙亭区", "顺河回族区", "鼓楼区", "禹王台区", "祥符区",
                "杞县", "通许县", "尉氏县", "兰考县");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("组织架构");

        WebElement longting = tree.findElement(By.xpath(".//summary[a[text()='龙亭区']]"));
        longting.click();
        wait.until(ExpectedConditions.textToBePresentInElement(tree, "北书店街道"));
        assertThat(Browser.fitsTheScreen(browser)).as("no sideways scrolling on a phone").isTrue();
        Browser.screenshot(browser, "admin-tree-zh.png");

        browser.findElement(By.cssSelector(".language a[data-lang=en]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Organisation tree");
        assertThat(browser.findElement(By.cssSelector(".main-nav")).getText()).contains("Organisations", "Audit log");
        Browser.screenshot(browser, "admin-tree-en.png");

        browser.get(client.baseUrl() + "/admin/audit");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Audit log");

        browser.findElement(By.cssSelector(".language a[data-lang=zh-CN]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("审计日志");
    }
}
