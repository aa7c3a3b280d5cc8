package cn.ebillops.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.Assistant;
import cn.ebillops.incident.availability.AvailabilityService;
import cn.ebillops.testsupport.Browser;
import cn.ebillops.testsupport.ConsoleLogin;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Now, Incidents (with one timeline opened) and the public status page in real Chromium, behind the production
 * login: each shows the figures its JSON returns, logs no error, asks only the loopback address for anything, and is
 * kept as a screenshot at 1366×768 and 390×844 (target/screenshots/dashboard-*.png).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserTest {

    @LocalServerPort int port;
    @Autowired Assistant assistant;
    @Autowired AvailabilityService availability;
    @Autowired Clock clock;

    static ChromeDriver driver;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private WebDriverWait open(String path) {
        driver.get(base() + path);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.tagName("body")).getAttribute("data-loaded") != null);
        return wait;
    }

    private void login() {
        driver.manage().deleteAllCookies();
        driver.get(base() + "/console/dashboard/now.html");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> d.getCurrentUrl().endsWith("/login"));
        driver.findElement(By.id("username")).sendKeys("zhanggong");
        driver.findElement(By.id("password")).sendKeys(ConsoleLogin.PASSWORD);
        driver.findElement(By.id("submit")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/console/"));
        driver.manage().logs().get("browser"); // drained: the login and chat pages are not under test here
    }

    /** Both sizes; the page re-lays itself out, the content is the same. */
    private void screenshots(String name) throws Exception {
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(390, 844))) {
            driver.manage().window().setSize(size);
            Thread.sleep(300); // let the layout settle before the picture (not an assertion)
            Browser.screenshot(driver, "dashboard-" + name + "-" + size.getWidth() + ".png");
        }
        driver.manage().window().setSize(new Dimension(1366, 768));
    }

    private void noErrorsAndOnlyLoopback() {
        // the chat console's page (visited at login, not under test) asks for /favicon.ico after the drain; the
        // dashboard's pages declare an inline icon and ask for none
        assertThat(Browser.consoleErrors(driver)).as("browser console errors").isEmpty();
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) driver.executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
                        + ".concat([location.href]);");
        assertThat(requested).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(base() + "/"));
        assertThat(driver.findElements(By.id("dashError"))).as("error banner").isEmpty();
    }

    @Test
    void nowIncidentsAndStatusShowWhatTheirApisReturn() throws Exception {
        long number = DashboardApiTest.reportByChenxia(assistant, clock);
        availability.probe();
        ConsoleLogin api = ConsoleLogin.as(port, "zhanggong");
        login();

        WebDriverWait wait = open("/console/dashboard/now.html");
        JsonNode now = json.readTree(api.get("/api/dashboard/now").body());
        assertThat(driver.findElement(By.id("openCount")).getText()).isEqualTo(String.valueOf(now.get("incidents").size()));
        WebElement row = driver.findElement(By.cssSelector("#incidents tr[data-number='" + number + "']"));
        assertThat(row.getText()).contains("#" + number).contains("响应 ");
        for (JsonNode f : now.get("functions")) {
            assertThat(driver.findElement(By.cssSelector(".fn[data-key='" + f.get("key").asString() + "']")).getText())
                    .contains(f.get("name").asString()).contains(f.get("stateLabel").asString());
        }
        assertThat(driver.findElement(By.cssSelector("#duty dd[data-field='值班工程师']")).getText())
                .startsWith(now.get("duty").get("engineer").get("name").asString());
        assertThat(driver.findElement(By.cssSelector("a[aria-current=page]")).getText()).isEqualTo("现在");
        wait.until(d -> d.findElement(By.id("dashWho")).getText().equals("张工（运维工程师）"));
        noErrorsAndOnlyLoopback();
        screenshots("now");

        open("/console/dashboard/incidents.html#" + number);
        wait.until(d -> String.valueOf(number).equals(d.findElement(By.id("detail")).getAttribute("data-number")));
        JsonNode list = json.readTree(api.get("/api/dashboard/incidents").body());
        assertThat(driver.findElement(By.id("count")).getText()).isEqualTo(String.valueOf(list.get("incidents").size()));
        JsonNode detail = json.readTree(api.get("/api/dashboard/incidents/" + number).body());
        assertThat(driver.findElements(By.cssSelector("#timeline li"))).hasSize(detail.get("timeline").size());
        assertThat(driver.findElement(By.id("timeline")).getText()).contains("建单");
        assertThat(driver.findElement(By.id("reporters")).getText()).contains("陈霞");
        assertThat(driver.findElement(By.cssSelector("a[aria-current=page]")).getText()).isEqualTo("故障单");
        noErrorsAndOnlyLoopback();
        screenshots("incidents");

        driver.manage().deleteAllCookies(); // the status page is for anybody
        open("/console/status.html");
        JsonNode status = json.readTree(api.get("/api/public/status").body());
        assertThat(driver.findElement(By.id("overall")).getText()).isEqualTo(status.get("overallLabel").asString());
        assertThat(driver.findElements(By.cssSelector("#incidents li"))).hasSize(status.get("incidents").size());
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("陈霞").doesNotContain("张工");
        noErrorsAndOnlyLoopback();
        screenshots("status");
    }
}
