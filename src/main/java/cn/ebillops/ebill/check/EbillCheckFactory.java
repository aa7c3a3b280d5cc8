package cn.ebillops.ebill.check;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.config.ConfigNode;
import cn.ebillops.ebill.EbillClient;
import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckFactory;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code kind: ebill}: the contract's items 4 and 11–16 through the platform's own protocol.
 * {@code items} may limit them; the issue → red-flush round trip needs {@code testEnvironment: true}.
 */
@Component
public class EbillCheckFactory implements CheckFactory {

    private static final Logger log = LoggerFactory.getLogger(EbillCheckFactory.class);

    private final UnaryOperator<String> env;
    private final PiiMasker masker;
    private final Clock clock;

    @Autowired
    public EbillCheckFactory(Environment env, PiiMasker masker, Clock clock) {
        this(env::getProperty, masker, clock);
    }

    public EbillCheckFactory(UnaryOperator<String> env, PiiMasker masker, Clock clock) {
        this.env = env;
        this.masker = masker;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "ebill";
    }

    @Override
    public List<Check> create(ConfigNode node) {
        EbillTarget t = EbillTarget.from(node, env);
        if (t.issuesBillsOffLoopback()) {
            // The shipped demo file has testEnvironment: true; a hospital that only changes baseUrl
            // would issue and red-flush a real bill on every inspection. Say so loudly at start.
            log.warn("ebill target '{}' has testEnvironment: true but its baseUrl host {} is not this machine: "
                            + "every inspection ISSUES AND RED-FLUSHES A REAL 0.01 BILL there. Unless it is a test "
                            + "platform, set testEnvironment: false in bot-config/{}",
                    t.name(), t.endpoint().baseUrl().getHost(), node.file());
        }
        EbillClient client = new EbillClient(t.endpoint());
        // picture URLs may redirect to a file server; the envelope calls never follow redirects
        HttpClient http = HttpClient.newBuilder().connectTimeout(t.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        List<Check> checks = new ArrayList<>();
        add(checks, t, 4, new EbillInterfaceCheck(t, client, masker));
        add(checks, t, 11, new BillManagementCheck(t, client, masker));
        add(checks, t, 12, new BillIssuanceCheck(t, client, masker, clock));
        add(checks, t, 13, new BillArchiveCheck(t, client, masker, http));
        add(checks, t, 14, new BillDeliveryCheck(t, client, masker));
        add(checks, t, 15, new BillReportCheck(t, client, masker, clock));
        add(checks, t, 16, new SystemManagementCheck(t, client, masker, clock));
        return List.copyOf(checks);
    }

    private static void add(List<Check> checks, EbillTarget t, int item, Check check) {
        if (t.items().contains(item)) {
            checks.add(check);
        }
    }
}
