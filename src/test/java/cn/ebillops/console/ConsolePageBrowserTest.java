package cn.ebillops.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.testsupport.Browser;
import cn.ebillops.testsupport.ConsoleLogin;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person opens the console in real Chromium, is sent to the Chinese login page, logs in with
 * their bot-config account, types, and sees the answer under their own name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsolePageBrowserTest {

    @LocalServerPort
    int port;

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

    static void screenshot(String name) throws Exception {
        Browser.screenshot(driver, name);
    }

    private WebDriverWait loginAs(String userId, String password) {
        driver.manage().deleteAllCookies();
        driver.get("http://127.0.0.1:" + port + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> d.getCurrentUrl().endsWith("/login"));
        driver.findElement(By.id("username")).sendKeys(userId);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("submit")).click();
        return wait;
    }

    @Test
    void personLogsInTypesAndTheAssistantsAnswerAppears() throws Exception {
        driver.manage().deleteAllCookies();
        driver.get("http://127.0.0.1:" + port + "/");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/login"));
        assertThat(driver.getTitle()).contains("登录").contains("电子票据运维助手");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("账号").contains("密码");
        screenshot("console-login.png");

        WebDriverWait wait = loginAs("zhanggong", ConsoleLogin.PASSWORD);
        wait.until(d -> d.findElement(By.id("me")).getText().equals("张工（运维工程师）"));
        wait.until(d -> d.findElements(By.cssSelector("#groups li")).size() > 1);
        assertThat(driver.getTitle()).contains("电子票据运维助手");
        assertThat(driver.findElement(By.id("chatTitle")).getText()).isEqualTo("收费处电子票据群");
        assertThat(driver.findElement(By.id("person")).isDisplayed()).as("no person picker when logged in").isFalse();
        // the page itself, not the messages: the history is kept in the database, and other tests' messages may name
        // the demo targets (“电子票据平台（演示）”)
        assertThat((String) driver.executeScript("let t = document.body.innerText;"
                + " document.querySelectorAll('.msg').forEach(m => { t = t.replace(m.innerText, ''); }); return t;"))
                .doesNotContain("演示");

        WebElement input = driver.findElement(By.id("text"));
        input.sendKeys("/help", Keys.ENTER);

        // other tests may share this application (and its transcript): look for this exchange
        wait.until(d -> d.findElements(By.cssSelector(".msg.me .bubble")).stream()
                .anyMatch(e -> e.getText().equals("/help")));
        wait.until(d -> d.findElements(By.cssSelector(".msg.bot .bubble")).stream()
                .anyMatch(e -> e.getText().contains("可用命令")));
        String answer = driver.findElements(By.cssSelector(".msg.bot .bubble")).stream()
                .map(WebElement::getText).filter(t -> t.contains("可用命令")).findFirst().orElseThrow();
        // the engineer's help: the server took the sender from the login
        assertThat(answer).contains("/help").contains("/inspect").contains("/duty").contains("/ack");
        screenshot("console.png");

        driver.findElement(By.cssSelector("#logout button")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/login?logout"));
        assertThat(driver.findElement(By.id("notice")).getText()).isEqualTo("已退出登录。");
    }

    @Test
    void wrongPasswordStaysOnTheLoginPageWithAChineseMessage() throws Exception {
        WebDriverWait wait = loginAs("chenxia", "not-the-password");
        wait.until(d -> d.getCurrentUrl().endsWith("/login?error"));
        assertThat(driver.findElement(By.id("notice")).getText()).isEqualTo("账号或密码错误。");
        screenshot("console-login-error.png");
    }

    @Test
    void switchingGroupShowsThatGroupsConversationOnly() {
        WebDriverWait wait = loginAs("chenxia", ConsoleLogin.PASSWORD);
        wait.until(d -> d.findElements(By.cssSelector("#groups li")).size() > 1);
        driver.findElements(By.cssSelector("#groups li")).get(1).click();
        wait.until(d -> d.findElement(By.id("chatTitle")).getText().equals("信息科运维群"));
        String marker = "你好 " + java.util.UUID.randomUUID().toString().substring(0, 8);
        driver.findElement(By.id("text")).sendKeys(marker, Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector(".msg.me .bubble")).stream().anyMatch(e -> e.getText().equals(marker)));
        driver.findElements(By.cssSelector("#groups li")).get(0).click();
        wait.until(d -> d.findElement(By.id("chatTitle")).getText().equals("收费处电子票据群"));
        assertThat(driver.findElements(By.cssSelector(".msg .bubble")))
                .noneMatch(e -> e.getText().equals(marker));
    }
}
