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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code kind: ebill}: the contract's items 4 and 11–16 through the platform's own protocol.
 * {@code items} may limit them; the issue → red-flush round trip needs {@code testEnvironment: true} and runs
 * only in inspections (never in probes), at most {@code testBillsPerDay} times a day.
 */
@Component
public class EbillCheckFactory implements CheckFactory {

    private static final Logger log = LoggerFactory.getLogger(EbillCheckFactory.class);

    private final UnaryOperator<String> env;
    private final PiiMasker masker;
    private final Clock clock;
    private final TestBillLedger ledger;
    private final CaptureFiles captures;

    @Autowired
    public EbillCheckFactory(Environment env, PiiMasker masker, Clock clock, JdbcClient jdbc) {
        this(env::getProperty, masker, clock, new JdbcTestBillLedger(jdbc));
    }

    /** For tools and tests without a database: the daily test-bill cap lasts as long as this factory. */
    public EbillCheckFactory(UnaryOperator<String> env, PiiMasker masker, Clock clock) {
        this(env, masker, clock, new MemoryTestBillLedger());
    }

    private EbillCheckFactory(UnaryOperator<String> env, PiiMasker masker, Clock clock, TestBillLedger ledger) {
        this.env = env;
        this.masker = masker;
        this.clock = clock;
        this.ledger = ledger;
        // the application's data directory (tools and tests pass it as "ebillops.data-dir" or not at all)
        this.captures = CaptureFiles.under(env.apply("ebillops.data-dir"));
    }

    /** As the application builds it: test bills recorded in table ebill_test_bill. */
    public static EbillCheckFactory withLedger(UnaryOperator<String> env, PiiMasker masker, Clock clock, JdbcClient jdbc) {
        return new EbillCheckFactory(env, masker, clock, new JdbcTestBillLedger(jdbc));
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
                            + "inspections ISSUE AND RED-FLUSH REAL 0.01 BILLS there (up to testBillsPerDay a day). Unless it is a test "
                            + "platform, set testEnvironment: false in bot-config/{}",
                    t.name(), t.endpoint().baseUrl().getHost(), node.file());
        }
        EbillClient client = new EbillClient(t.endpoint());
        // picture URLs may redirect to a file server; the envelope calls never follow redirects
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(t.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        List<Check> checks = new ArrayList<>();
        add(checks, t, 4, new EbillInterfaceCheck(t, client, masker));
        add(checks, t, 11, new BillManagementCheck(t, client, masker));
        add(checks, t, 12, new BillIssuanceCheck(t, client, masker));
        if (t.testEnvironment()) {
            add(checks, t, 12, new TestBillRoundTripCheck(t, client, masker, clock, ledger));
        }
        add(checks, t, 13, new BillArchiveCheck(t, client, masker, http));
        add(checks, t, 14, new BillDeliveryCheck(t, client, masker));
        add(checks, t, 15, new BillReportCheck(t, client, masker, clock));
        add(checks, t, 16, new SystemManagementCheck(t, client, masker, clock));
        return List.copyOf(checks);
    }

    private void add(List<Check> checks, EbillTarget t, int item, EbillCheck check) {
        if (t.items().contains(item)) {
            check.readCaptures(captures);
            checks.add(check);
        }
    }
}
