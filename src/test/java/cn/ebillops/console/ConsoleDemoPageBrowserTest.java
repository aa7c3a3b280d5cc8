package cn.ebillops.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.channel.ChatSender;
import cn.ebillops.testsupport.Browser;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo's console (scripts/run.sh): no login, the person picker, marked 演示 on the page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ebillops.console.demo-picker=true")
class ConsoleDemoPageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ChatSender sender;

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

    @Test
    void demoPickerIsMarkedAsADemoAndSpeaksAsThePickedPerson() throws Exception {
        driver.get("http://127.0.0.1:" + port + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> d.findElements(By.cssSelector("#person option")).size() > 1);
        assertThat(driver.getCurrentUrl()).endsWith("/console/");
        WebElement badge = driver.findElement(By.id("demoBadge"));
        assertThat(badge.isDisplayed()).isTrue();
        assertThat(badge.getText()).contains("演示");
        assertThat(driver.findElement(By.cssSelector("label[for=person]")).getText()).contains("演示");
        assertThat(driver.findElement(By.id("meBox")).isDisplayed()).isFalse();

        new Select(driver.findElement(By.id("person"))).selectByValue("zhanggong");
        driver.findElement(By.id("text")).sendKeys("/help", Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector(".msg.bot .bubble")).stream()
                .anyMatch(e -> e.getText().contains("可用命令") && e.getText().contains("/ack")));
        ConsolePageBrowserTest.driver = driver;
        ConsolePageBrowserTest.screenshot("console-demo.png");
        ConsolePageBrowserTest.driver = null;
    }

    @Test
    void myMessagesAreThoseOfThePickedPerson() {
        String marker = "给李工的私信 " + java.util.UUID.randomUUID().toString().substring(0, 8);
        sender.toPerson("ligong", "**" + marker + "**");
        driver.get("http://127.0.0.1:" + port + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> d.findElements(By.cssSelector("#person option")).size() > 1);
        new Select(driver.findElement(By.id("person"))).selectByValue("ligong");
        wait.until(d -> d.findElements(By.cssSelector("#inbox .bubble strong")).stream()
                .anyMatch(e -> e.getText().equals(marker)));
        new Select(driver.findElement(By.id("person"))).selectByValue("zhanggong");
        wait.until(d -> d.findElement(By.id("inboxWho")).getText().equals("张工"));
        wait.until(d -> d.findElements(By.cssSelector("#inbox .bubble")).stream()
                .noneMatch(e -> e.getText().contains(marker)));
    }
}
