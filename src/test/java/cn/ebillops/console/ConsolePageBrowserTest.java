package cn.ebillops.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.testsupport.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person opens the console in real Chromium, picks who they are, types, and sees the answer. */
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

    @Test
    void personTypesAndTheAssistantsAnswerAppears() throws Exception {
        driver.get("http://127.0.0.1:" + port + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> d.findElements(By.cssSelector("#person option")).size() > 1);
        assertThat(driver.getTitle()).contains("电子票据运维助手");
        assertThat(driver.findElement(By.id("chatTitle")).getText()).isEqualTo("收费处电子票据群");

        new Select(driver.findElement(By.id("person"))).selectByValue("zhanggong");
        WebElement input = driver.findElement(By.id("text"));
        input.sendKeys("/help", Keys.ENTER);

        // other tests may share this application (and its transcript): look for this exchange
        wait.until(d -> d.findElements(By.cssSelector(".msg.me .bubble")).stream()
                .anyMatch(e -> e.getText().equals("/help")));
        wait.until(d -> d.findElements(By.cssSelector(".msg.bot .bubble")).stream()
                .anyMatch(e -> e.getText().contains("可用命令")));
        String answer = driver.findElements(By.cssSelector(".msg.bot .bubble")).stream()
                .map(WebElement::getText).filter(t -> t.contains("可用命令")).findFirst().orElseThrow();
        assertThat(answer).contains("/help").contains("/inspect").contains("/duty");

        Path shot = Path.of("target/screenshots/console.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void switchingGroupShowsThatGroupsConversationOnly() {
        driver.get("http://127.0.0.1:" + port + "/console/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> d.findElements(By.cssSelector("#groups li")).size() > 1);
        driver.findElements(By.cssSelector("#groups li")).get(1).click();
        wait.until(d -> d.findElement(By.id("chatTitle")).getText().equals("信息科运维群"));
        String marker = "你好 " + java.util.UUID.randomUUID().toString().substring(0, 8);
        driver.findElement(By.id("text")).sendKeys(marker, Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector(".msg .bubble")).stream().anyMatch(e -> e.getText().equals(marker)));
        driver.findElements(By.cssSelector("#groups li")).get(0).click();
        wait.until(d -> d.findElement(By.id("chatTitle")).getText().equals("收费处电子票据群"));
        assertThat(driver.findElements(By.cssSelector(".msg .bubble")))
                .noneMatch(e -> e.getText().equals(marker));
    }
}
