package cn.ebillops.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.config.BotConfig;
import cn.ebillops.incident.availability.AvailabilityService;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionStore;
import cn.ebillops.testsupport.Browser;
import cn.ebillops.testsupport.ConsoleLogin;
import cn.ebillops.testsupport.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The chart views in real Chromium, logged in: each page shows the figures its JSON API returns, draws
 * its charts with the ECharts of the WebJar, logs no error and asks nothing but this application.
 * Screenshots at 1366×768 and 390×844 go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.quartz.scheduler-name=dashboard-charts-tests")
@Import(DashboardChartsBrowserTest.FixedClock.class)
class DashboardChartsBrowserTest {

    /** Noon on 2026-11-25 in Beijing: the availability demo data covers that morning. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        @Primary
        MutableClock dashboardClock() {
            return new MutableClock(DashboardDemoData.NOW, cn.ebillops.infra.InfraConfig.ZONE);
        }
    }

    /** Collects errors and console.error calls from the first script on (resource load errors too). */
    private static final String ERROR_HOOK = """
            window.__errors = [];
            window.addEventListener('error', function (e) {
              window.__errors.push(e.message || ('load failed: ' + (e.target && (e.target.src || e.target.href))));
            }, true);
            window.addEventListener('unhandledrejection', function (e) { window.__errors.push('rejection: ' + e.reason); });
            var original = console.error;
            console.error = function () { window.__errors.push(Array.prototype.join.call(arguments, ' ')); original.apply(console, arguments); };
            """;

    @LocalServerPort int port;
    @Autowired AvailabilityService availability;
    @Autowired InspectionStore store;
    @Autowired BotConfig config;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    static ChromeDriver driver;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = Browser.start();
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_HOOK));
        // the charts' time axes use the browser's zone: be a PC in the hospital's
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Shanghai"));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void logIn() {
        clock.set(DashboardDemoData.NOW);
        driver.manage().window().setSize(new Dimension(1366, 768));
        driver.manage().deleteAllCookies();
        driver.get(origin() + "/console/dashboard/duty.html");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> d.getCurrentUrl().endsWith("/login"));
        driver.findElement(By.id("username")).sendKeys("zhanggong");
        driver.findElement(By.id("password")).sendKeys(ConsoleLogin.PASSWORD);
        driver.findElement(By.id("submit")).click();
        wait.until(d -> d.getCurrentUrl().contains("/console/"));
    }

    @Test
    void echartsComesFromTheWebJarForALoggedInUserOnly() throws Exception {
        ConsoleLogin user = ConsoleLogin.as(port, "chenxia");
        HttpResponse<String> js = user.get("/webjars/echarts/5.3.1/dist/echarts.min.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body()).contains("echarts").hasSizeGreaterThan(500_000);
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(origin() + "/webjars/echarts/5.3.1/dist/echarts.min.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(new ConsoleLogin(port).get("/login").body()).as("the login page needs no chart library").doesNotContain("webjars");
    }

    @Test
    void availabilityShowsThePercentTheRuleComputedWithOutagesAndMaintenance() throws Exception {
        DashboardDemoData.availability(availability, config, jdbc);
        JsonNode api = api("/api/dashboard/availability?period=2026-11");
        assertThat(api.get("selected").get("percent").asDouble()).isEqualTo(97.18);
        assertThat(api.get("outages")).hasSize(1);
        assertThat(api.get("maintenance")).hasSize(1);
        JsonNode functions = api.get("functions");
        assertThat(functions).hasSize(2);
        assertThat(find(functions, "key", "EBILL").get("figure").get("percent").asDouble()).isEqualTo(97.18);
        assertThat(find(functions, "key", "EBILL").get("figure").get("downMinutes").asLong()).isEqualTo(20);
        assertThat(find(functions, "key", "SIGNING").get("figure").get("percent").asDouble()).isEqualTo(100.0);
        assertThat(find(functions, "key", "SIGNING").get("figure").get("downMinutes").asLong()).isZero();

        open("availability.html?period=2026-11");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> !d.findElement(By.id("percent")).getText().isEmpty());
        assertThat(text("percent")).isEqualTo("%.2f%%".formatted(api.get("selected").get("percent").asDouble()));
        assertThat(text("verdict")).contains("未达标");
        assertThat(driver.findElement(By.cssSelector("#functions tr[data-function='EBILL']")).getText())
                .contains("电子票据平台接口与功能", "97.18%", "未达标", "20");
        assertThat(driver.findElement(By.cssSelector("#functions tr[data-function='SIGNING']")).getText())
                .contains("签名验签服务器", "100.00%", "达标");
        assertThat(driver.findElement(By.cssSelector("#outages tbody")).getText()).contains("2026-11-25 10:10", "20");
        JsonNode november = api.get("months").get(10);
        WebElement row = driver.findElement(By.cssSelector("#periods tr[data-period='2026-11']"));
        assertThat(row.getText()).contains("97.18%", "未达标");
        assertThat(november.get("percent").asDouble()).isEqualTo(97.18);
        assertThat(driver.findElement(By.cssSelector("#periods tr[data-period='2026Q4']")).getText()).contains("97.18%");
        assertChartsDrawn("timeline", "months");
        checkPage("dashboard-availability");
    }

    @Test
    void inspectionsShowEveryRunItsReportTheHeatStripAndTheTrends() throws Exception {
        List<InspectionRun> saved = DashboardDemoData.inspections(store);
        JsonNode api = api("/api/dashboard/inspections");
        long newest = saved.get(2).id();
        assertThat(api.get("runs").get(api.get("runs").size() - 1).get("id").asLong()).isEqualTo(newest);
        JsonNode item5 = find(api.get("items"), "item", "一.5");
        assertThat(item5.get("statuses").get(item5.get("statuses").size() - 1).asString()).isEqualTo("FAIL");
        JsonNode tablespace = find(api.get("trends"), "title", "表空间使用率");
        assertThat(tablespace.get("line").asDouble()).isEqualTo(90.0);
        assertThat(tablespace.get("series").get(0).get("points")).hasSizeGreaterThanOrEqualTo(3);

        open("inspections.html");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> !d.findElements(By.cssSelector("#runs tbody tr[data-run]")).isEmpty());
        assertThat(text("runCount")).isEqualTo(String.valueOf(api.get("runs").size()));
        assertThat(driver.findElements(By.cssSelector("#runs tbody tr[data-run]"))).hasSize(api.get("runs").size());
        WebElement first = driver.findElement(By.cssSelector("#runs tbody tr[data-run='" + newest + "']"));
        assertThat(first.getText()).contains("#" + newest, "手动：张工", "异常");
        String report = first.findElement(By.linkText("Word 报告")).getDomAttribute("href");
        assertThat(report).isEqualTo("/api/reports/inspections/" + newest + ".docx");
        HttpResponse<String> docx = ConsoleLogin.as(port, "zhanggong").get(report);
        assertThat(docx.statusCode()).as("a logged-in user downloads the report without a signed link").isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type").orElse("")).contains("wordprocessingml");
        assertChartsDrawn("heat", "trend0", "trend1", "trend2");
        checkPage("dashboard-inspections");
    }

    @Test
    void dutyShowsWhoIsOnDutyEachDayWithHolidaysAndMakeUpDays() throws Exception {
        JsonNode api = api("/api/dashboard/duty?month=2026-10");
        JsonNode national = api.get("days").get(0);
        assertThat(national.get("holiday").asString()).isEqualTo("国庆");
        assertThat(api.get("days").get(9).get("makeUp").asBoolean()).isTrue();

        open("duty.html?month=2026-10");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> !d.findElements(By.cssSelector("#month .day[data-date]")).isEmpty());
        assertThat(text("label")).isEqualTo("2026年10月");
        assertThat(driver.findElements(By.cssSelector("#month .day[data-date]"))).hasSize(31);
        WebElement oct1 = driver.findElement(By.cssSelector(".day[data-date='2026-10-01']"));
        assertThat(oct1.getDomAttribute("class")).contains("holiday");
        assertThat(oct1.getText()).contains("国庆", national.get("engineer").asString());
        WebElement oct10 = driver.findElement(By.cssSelector(".day[data-date='2026-10-10']"));
        assertThat(oct10.getDomAttribute("class")).contains("makeup");
        assertThat(oct10.getText()).contains("调休上班", api.get("days").get(9).get("engineer").asString());
        checkPage("dashboard-duty");
    }

    private JsonNode api(String path) {
        HttpResponse<String> res = ConsoleLogin.as(port, "zhanggong").get(path);
        assertThat(res.statusCode()).as(path + " → " + res.body()).isEqualTo(200);
        return json.readTree(res.body());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.get(field).asString().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private void open(String page) {
        driver.get(origin() + "/console/dashboard/" + page);
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private void assertChartsDrawn(String... ids) {
        for (String id : ids) {
            assertThat(driver.findElements(By.cssSelector("#" + id + " canvas"))).as(id + " drawn by ECharts").isNotEmpty();
        }
    }

    /** No error, only requests to this application, nav drawn; then a screenshot at both sizes. */
    private void checkPage(String name) throws Exception {
        assertThat(driver.findElement(By.id("error")).isDisplayed()).as("page shows a load failure").isFalse();
        assertThat(driver.findElements(By.cssSelector("nav a"))).extracting(WebElement::getText).contains("可用率", "巡检", "值班");
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) driver.executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
        assertThat(urls).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith(origin() + "/"));
        shot(name + "-1366.png");
        driver.manage().window().setSize(new Dimension(390, 844));
        Thread.sleep(300); // let ECharts follow the resize before the picture (the picture is not asserted)
        shot(name + "-390.png");
        assertThat((List<?>) driver.executeScript("return window.__errors")).as("browser errors").isEmpty();
    }

    private static void shot(String name) throws Exception {
        Browser.screenshot(driver, name);
    }

    private String origin() {
        return "http://127.0.0.1:" + port;
    }
}
