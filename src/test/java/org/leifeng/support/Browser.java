package org.leifeng.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through Debian's chromedriver, headless, with a fresh profile. Where they are missing the
 * browser tests are skipped with a message, except in CI ({@code CI=true}), where a missing browser fails the run.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    /** Whether the page fits the window's width: nothing to scroll sideways on a phone. */
    public static boolean fitsTheScreen(ChromeDriver browser) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"));
    }

    /** Saves what the browser shows to {@code target/screenshots/<name>}, for people to look at. */
    public static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(directory.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    public static ChromeDriver start(int width, int height) throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI must run the browser tests: install chromium and chromium-driver");
            }
            Assumptions.abort("Chromium or chromedriver is not installed (apt-get install chromium chromium-driver)");
        }
        Path profile = Files.createTempDirectory("leifeng-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
