package cn.ebillops.inspection.checks.http;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.ResultBuilder;
import cn.ebillops.inspection.SimpleCheck;
import cn.ebillops.inspection.TargetBasics;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Item 2: each configured page loads with the expected status, contains the expected text and
 * answers within its time limit. A page that does not answer is 异常 (the system is down for users).
 */
class HttpPageCheck extends SimpleCheck {

    private final List<PageProbe> pages;
    private final HttpClient http;

    public HttpPageCheck(TargetBasics target, List<PageProbe> pages) {
        super(target.id("http-page"), "系统页面访问", List.of(2), target);
        this.pages = List.copyOf(pages);
        this.http = HttpClient.newBuilder().connectTimeout(target.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public CheckResult run() throws InterruptedException {
        ResultBuilder r = result(CheckStatus.OK);
        int i = 0;
        for (PageProbe p : pages) {
            i++;
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> resp = http.send(HttpRequest.newBuilder(p.url()).timeout(timeout())
                        .header("User-Agent", "ebill-ops-inspection").GET().build(), HttpResponse.BodyHandlers.ofString());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                r.figure("页面" + i + " 耗时(ms)", ms);
                String line = "%s：HTTP %d，%d ms".formatted(p.url(), resp.statusCode(), ms);
                if (resp.statusCode() != p.expectStatus()) {
                    r.atLeast(CheckStatus.FAIL).evidence(line + "，期望状态 " + p.expectStatus());
                } else if (!p.expectText().isEmpty() && !resp.body().contains(p.expectText())) {
                    r.atLeast(CheckStatus.FAIL).evidence(line + "，页面中没有“" + p.expectText() + "”");
                } else if (ms > p.maxTime().toMillis()) {
                    r.atLeast(CheckStatus.WARN).evidence(line + "，超过 " + p.maxTime().toMillis() + " ms 的要求");
                } else {
                    r.evidence(line + "，正常");
                }
            } catch (IOException e) {
                r.atLeast(CheckStatus.FAIL).evidence("%s：无法访问（%s）".formatted(p.url(), e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage())));
            }
        }
        if (r.status() != CheckStatus.OK) {
            r.suggestion("检查 Web 服务器/应用服务器进程与网络，确认页面内容与登录页是否正常。");
        }
        return r.build();
    }
}
