package cn.ebillops.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;

/**
 * Real headless Chromium from Debian (installed by scripts/services.sh). The driver path is
 * given explicitly so Selenium never tries to download a browser or driver.
 */
public final class Browser {

    private Browser() {
    }

    public static ChromeDriver start() throws Exception {
        Path profile = Files.createTempDirectory("chromium-test");
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                        "--user-data-dir=" + profile, "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }

    /** Saves what the page looks like as target/screenshots/{@code name} (for people: nothing asserts on it). */
    public static void screenshot(ChromeDriver driver, String name) throws Exception {
        Path shot = Path.of("target/screenshots/" + name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The browser console's errors since the last read; the favicon the browser asks for on its own (a page without
     * one gets the login redirect) is not the page's error.
     */
    public static List<LogEntry> consoleErrors(ChromeDriver driver) {
        return driver.manage().logs().get("browser").getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("favicon.ico"))
                .toList();
    }
}
