package cn.ebillops.inspection.checks.http;

import cn.ebillops.config.ConfigNode;
import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckFactory;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.TargetBasics;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * kind: http-page. {@code pages: [{url, expectStatus? 200, expectText?, maxTime? 3s}]} and an
 * optional {@code journey} (headless Chromium, see {@link BrowserJourneyCheck}).
 */
@Component
public class HttpPageCheckFactory implements CheckFactory {

    private final UnaryOperator<String> env;

    @Autowired
    public HttpPageCheckFactory() {
        this(System::getenv);
    }

    HttpPageCheckFactory(UnaryOperator<String> env) {
        this.env = env;
    }

    @Override
    public String kind() {
        return "http-page";
    }

    @Override
    public List<Check> create(ConfigNode t) {
        TargetBasics basics = TargetBasics.read(t, InspectionScope.PAGES);
        List<PageProbe> pages = t.children("pages").stream().map(p -> new PageProbe(url(p, "url"),
                p.integer("expectStatus", 200, 100, 599), p.string("expectText", ""),
                p.duration("maxTime", Duration.ofSeconds(3)))).toList();
        List<Check> out = new ArrayList<>();
        if (!pages.isEmpty()) {
            out.add(new HttpPageCheck(basics, pages));
        }
        ConfigNode j = t.child("journey");
        if (!j.raw().isEmpty()) {
            out.add(BrowserJourneyCheck.fromConfig(basics, j, env));
        }
        if (out.isEmpty()) {
            throw t.error("pages", "(空)", "至少一个页面 {url, expectStatus, expectText, maxTime}，或 journey");
        }
        return out;
    }

    static URI url(ConfigNode n, String key) {
        String v = n.string(key);
        try {
            URI u = URI.create(v);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
                throw n.error(key, v, "http:// 或 https:// 开头的网址");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw n.error(key, v, "http:// 或 https:// 开头的网址");
        }
    }
}
