package cn.ebillops.inspection.checks.http;

import cn.ebillops.config.ConfigNode;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.ResultBuilder;
import cn.ebillops.inspection.SimpleCheck;
import cn.ebillops.inspection.TargetBasics;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Item 2, optional: a scripted journey (log in, open the main menus) in headless Chromium via
 * Selenium, timing each step. Steps: {@code open: url}, {@code type: css} with {@code text} or
 * {@code textEnv}, {@code click: css}, {@code waitText: text}. Uses the system's chromium and
 * chromedriver (never downloads a driver).
 */
class BrowserJourneyCheck extends SimpleCheck {

    public record Step(String name, String action, String arg, String text) {
    }

    static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    private final String chromium;
    private final String chromedriver;
    private final List<Step> steps;

    public BrowserJourneyCheck(TargetBasics target, String chromium, String chromedriver, List<Step> steps) {
        super(target.id("http-page", "journey"), "系统页面操作流程（浏览器）", List.of(2), target);
        this.chromium = chromium;
        this.chromedriver = chromedriver;
        this.steps = List.copyOf(steps);
    }

    static BrowserJourneyCheck fromConfig(TargetBasics basics, ConfigNode j, UnaryOperator<String> env) {
        List<Step> steps = j.children("steps").stream().map(s -> {
            String name = s.string("name", "");
            for (String action : List.of("open", "type", "click", "waitText")) {
                if (s.has(action)) {
                    String text = s.has("textEnv") ? env.apply(s.string("textEnv")) : s.string("text", "");
                    if (action.equals("open")) {
                        HttpPageCheckFactory.url(s, "open");
                    }
                    return new Step(name.isEmpty() ? action + " " + s.string(action) : name, action, s.string(action),
                            text == null ? "" : text);
                }
            }
            throw s.error("open", "(缺失)", "每一步是 open、type、click、waitText 之一");
        }).toList();
        if (steps.isEmpty()) {
            throw j.error("steps", "(空)", "至少一步，如 {open: http://…}");
        }
        return new BrowserJourneyCheck(basics, j.string("chromium", "/usr/bin/chromium"),
                j.string("chromedriver", "/usr/bin/chromedriver"), steps);
    }

    @Override
    public CheckResult run() throws Exception {
        ResultBuilder r = result(CheckStatus.OK);
        if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
            return r.atLeast(CheckStatus.ERROR).evidence("本机没有 " + chromium + " 或 " + chromedriver)
                    .suggestion("安装 chromium 与 chromium-driver 后重新巡检，或去掉 journey 配置。").build();
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(CHROMIUM_FLAGS);
        options.addArguments("--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(timeout());
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
            int i = 0;
            for (Step s : steps) {
                i++;
                long t0 = System.nanoTime();
                try {
                    perform(driver, s);
                } catch (RuntimeException e) {
                    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
                    return r.atLeast(CheckStatus.FAIL).evidence("第 %d 步“%s”失败：%s".formatted(i, s.name(), msg))
                            .suggestion("按失败的步骤手工操作一遍，确认页面、菜单或登录是否正常。").build();
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                r.figure("步骤" + i + " " + s.name() + "(ms)", ms);
                r.evidence("第 %d 步“%s”：%d ms".formatted(i, s.name(), ms));
            }
            return r.build();
        } finally {
            driver.quit();
            service.stop();
        }
    }

    private void perform(WebDriver d, Step s) {
        switch (s.action()) {
            case "open" -> d.get(s.arg());
            case "type" -> d.findElement(By.cssSelector(s.arg())).sendKeys(s.text());
            case "click" -> d.findElement(By.cssSelector(s.arg())).click();
            case "waitText" -> {
                long end = System.nanoTime() + timeout().toNanos() / 2;
                while (!d.findElement(By.tagName("body")).getText().contains(s.arg())) {
                    if (System.nanoTime() > end) {
                        throw new IllegalStateException("页面上没有出现“" + s.arg() + "”");
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("中断");
                    }
                }
            }
            default -> throw new IllegalStateException("unknown step " + s.action());
        }
    }
}
