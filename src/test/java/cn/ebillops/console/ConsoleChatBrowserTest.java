package cn.ebillops.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.channel.ChatSender;
import cn.ebillops.config.BotConfig;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.FaultReport;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentNotifier;
import cn.ebillops.incident.IncidentService;
import cn.ebillops.testsupport.Browser;
import cn.ebillops.testsupport.ConsoleLogin;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The grown-up console in real Chromium, logged in: Beijing times on every message, the assistant's WeCom
 * markdown rendered (headings, bold, lists), a message carrying HTML stays text, 我的消息 shows the cards a
 * person receives and their buttons act (for an engineer) or are refused (for staff), at 1366×768 and 390×844.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleChatBrowserTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    ChatSender sender;
    @Autowired
    IncidentService incidents;
    @Autowired
    IncidentNotifier notifier;
    @Autowired
    BotConfig config;

    static ChromeDriver driver;

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

    @AfterEach
    void noErrorsInThePage() {
        List<LogEntry> severe = Browser.consoleErrors(driver);
        assertThat(severe).as("browser console errors").isEmpty();
    }

    /** The page's viewport exactly (a headless window's size includes browser chrome it does not draw). */
    static void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height + 200));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 700));
    }

    private WebDriverWait open(String userId, int width, int height) {
        // leave the last page first: its polls would meet the logout below as 401s in this page's log
        driver.get("about:blank");
        driver.manage().logs().get("browser");
        viewport(width, height);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of()); // every site's, not only the blank page's
        driver.get("http://127.0.0.1:" + port + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> d.getCurrentUrl().endsWith("/login"));
        driver.findElement(By.id("username")).sendKeys(userId);
        driver.findElement(By.id("password")).sendKeys(ConsoleLogin.PASSWORD);
        driver.findElement(By.id("submit")).click();
        wait.until(d -> d.findElements(By.cssSelector("#groups li.active")).size() == 1);
        return wait;
    }

    private static WebElement bubbleWith(String selector, String text) {
        return driver.findElements(By.cssSelector(selector)).stream().filter(e -> e.getText().contains(text))
                .findFirst().orElse(null);
    }

    @Test
    void timesMarkdownAndAnInertHtmlMessage() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        // a notice the assistant sent before the page opened: history loads on open
        sender.toGroup("wr_cashier", "## 巡检摘要 " + marker + "\n- **数据库**：正常\n- 磁盘：<font color=\"warning\">85%</font>\n"
                + "> 详情见 [看板](/console/dashboard/now.html)\n[坏链接](javascript:alert(1))");
        WebDriverWait wait = open("zhanggong", 1366, 768);

        WebElement notice = wait.until(d -> bubbleWith(".msg.bot .bubble", "巡检摘要 " + marker));
        assertThat(notice.findElement(By.tagName("h2")).getText()).isEqualTo("巡检摘要 " + marker);
        assertThat(notice.findElements(By.cssSelector("ul > li"))).hasSize(2);
        assertThat(notice.findElement(By.cssSelector("li strong")).getText()).isEqualTo("数据库");
        assertThat(notice.findElement(By.cssSelector("span.warning")).getText()).isEqualTo("85%");
        assertThat(notice.findElement(By.cssSelector("blockquote a")).getAttribute("href"))
                .endsWith("/console/dashboard/now.html");
        assertThat(notice.findElements(By.tagName("a"))).as("no javascript: link").hasSize(1);
        assertThat(notice.getText()).contains("[坏链接](javascript:alert(1))");

        String xss = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script> " + marker;
        driver.findElement(By.id("text")).sendKeys(xss, Keys.ENTER);
        // the first message of a context loads the language models: allow for it on a busy machine
        WebElement mine = new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> bubbleWith(".msg.me .bubble", marker));
        assertThat(mine.getText()).isEqualTo(xss);
        assertThat(mine.findElements(By.cssSelector("img, script"))).isEmpty();
        driver.findElement(By.id("text")).sendKeys("/help", Keys.ENTER);
        WebElement help = wait.until(d -> bubbleWith(".msg.bot .bubble", "可用命令"));
        assertThat(help.findElement(By.tagName("strong")).getText()).isEqualTo("可用命令");
        assertThat(driver.executeScript("return window.__xss === undefined")).isEqualTo(true);

        // every message carries its Beijing time; those of today as HH:mm
        List<WebElement> times = driver.findElements(By.cssSelector(".chat .msg .who time"));
        assertThat(times).isNotEmpty().allSatisfy(t -> assertThat(t.getText()).matches("\\d{2}:\\d{2}|.*月.*日 \\d{2}:\\d{2}"));
        WebElement myTime = mine.findElement(By.xpath("preceding-sibling::div[@class='who']/time"));
        Instant at = Instant.parse(myTime.getAttribute("datetime"));
        assertThat(myTime.getText()).isEqualTo(DateTimeFormatter.ofPattern("HH:mm").withZone(BEIJING).format(at));
        // another day shows its date (the same formatter the page uses for every line)
        Object twoDaysAgo = driver.executeScript("return ConsoleTime.when(Date.parse('2026-03-01T01:05:00Z'), "
                + "Date.parse('2026-03-03T01:00:00Z'))");
        assertThat(twoDaysAgo).isEqualTo("3月1日 09:05");
        ConsolePageBrowserTest.driver = driver;
        ConsolePageBrowserTest.screenshot("console-chat-1366x768.png");

        viewport(390, 844);
        wait.until(d -> d.findElement(By.id("tabs")).isDisplayed());
        assertThat(driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isEqualTo(true);
        assertThat(driver.findElement(By.id("text")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("dashboardLink")).isDisplayed()).isTrue();
        ConsolePageBrowserTest.screenshot("console-chat-390x844.png");
        ConsolePageBrowserTest.driver = null;
    }

    @Test
    void cardButtonsActForTheEngineerAndAreRefusedForStaff() throws Exception {
        Incident incident = incidents.report(new FaultReport(config.person("liufang"), "wr_cashier",
                "交付失败 " + UUID.randomUUID(), Severity.II, Area.MANAGEMENT)).incident();
        long number = incident.number();
        String tag = "请接单 #" + number + " " + UUID.randomUUID().toString().substring(0, 6);
        notifier.toEngineer("chenxia", incident, "**" + tag + "**（职工）", null);
        notifier.toEngineer("zhanggong", incident, "**" + tag + "**", null);

        WebDriverWait wait = open("chenxia", 1366, 768);
        WebElement staffCard = wait.until(d -> bubbleWith("#inbox .card", tag));
        staffCard.findElement(By.xpath(".//button[text()='接单']")).click();
        wait.until(d -> bubbleWith("#inbox .bubble", "只有运维工程师") != null);
        assertThat(incidents.find(number).orElseThrow().acknowledgedAt()).isNull();
        assertThat(staffCard.findElements(By.cssSelector(".actions button"))).as("refused: the buttons stay").hasSize(3);

        wait = open("zhanggong", 390, 844);
        driver.findElement(By.id("tabInbox")).click();
        WebElement card = wait.until(d -> bubbleWith("#inbox .card", tag));
        card.findElement(By.xpath(".//button[text()='接单']")).click();
        wait.until(d -> card.findElements(By.cssSelector(".result")).size() == 1);
        assertThat(card.findElement(By.cssSelector(".result")).getText()).isEqualTo("✓ 接单 · 张工");
        assertThat(incidents.find(number).orElseThrow().acknowledgedBy()).isEqualTo("zhanggong");
        ConsolePageBrowserTest.driver = driver;
        ConsolePageBrowserTest.screenshot("console-inbox-390x844.png");
        viewport(1366, 768);
        ConsolePageBrowserTest.screenshot("console-inbox-1366x768.png");
        ConsolePageBrowserTest.driver = null;
    }
}
