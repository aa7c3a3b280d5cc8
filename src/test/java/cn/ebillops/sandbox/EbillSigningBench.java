package cn.ebillops.sandbox;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.check.EbillCheckFactory;
import cn.ebillops.ebill.check.TestTargets;
import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.sandbox.ebill.EbillFaults;
import cn.ebillops.sandbox.ebill.EbillPlatformStandIn;
import cn.ebillops.sandbox.signing.SigningServerStandIn;
import cn.ebillops.signing.HttpJsonSigningClientProvider;
import cn.ebillops.signing.check.SigningCheckFactory;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Figures for scripts/bench-ebill-signing.sh: wall time of every e-bill and signing check against
 * the stand-ins (median and max of N runs after a warm-up), and how long a check takes when the
 * platform hangs past its timeout. Prints lines starting with "BENCH".
 */
@Tag("bench")
public class EbillSigningBench {

    private static final int RUNS = 20;

    /** Run by scripts/bench-ebill-signing.sh (surefire excludes the bench tag). */
    public static void main(String[] args) throws Exception {
        new EbillSigningBench().printCheckTimings();
    }

    @Test
    public void printCheckTimings() throws Exception {
        Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
        try (EbillPlatformStandIn ebill = new EbillPlatformStandIn("APP", "key", 0, clock);
             SigningServerStandIn signing = new SigningServerStandIn(0, clock)) {
            ebill.start();
            signing.start();
            List<Check> checks = new ArrayList<>();
            checks.addAll(new EbillCheckFactory(Map.of("K", "key")::get, new PiiMasker(), clock).create(TestTargets.parse("""
                    name: bench
                    kind: ebill
                    baseUrl: %s
                    appid: APP
                    appKeyEnv: K
                    placeCode: "001"
                    testEnvironment: true
                    testBill: {chargeCode: "C-BENCH", chargeName: 基准测试}
                    testBillsPerDay: 100
                    timeout: 2s
                    knownBill: {billBatchCode: "%s", billNo: "%s", random: "%s", busNo: %s, busDateTime: "%s"}
                    """.formatted(ebill.baseUrl(), EbillPlatformStandIn.KNOWN_BATCH, EbillPlatformStandIn.KNOWN_NO,
                    EbillPlatformStandIn.KNOWN_RANDOM, EbillPlatformStandIn.KNOWN_BUS_NO, EbillPlatformStandIn.KNOWN_BUS_TIME))));
            checks.addAll(new SigningCheckFactory(List.of(new HttpJsonSigningClientProvider(k -> null)), clock).create(TestTargets.parse("""
                    name: bench-svs
                    kind: signing
                    baseUrl: %s
                    keys: [{algorithm: SM3withSM2, keyIndex: "1"}, {algorithm: SHA256withRSA, keyIndex: "2"}]
                    """.formatted(signing.baseUrl()))));
            for (Check c : checks) {
                c.run(); // warm-up
            }
            long total = 0;
            for (Check c : checks) {
                long[] ms = new long[RUNS];
                String status = "";
                for (int i = 0; i < RUNS; i++) {
                    long t0 = System.nanoTime();
                    CheckResult r = c.run();
                    ms[i] = (System.nanoTime() - t0) / 1_000_000;
                    status = r.status().name();
                }
                java.util.Arrays.sort(ms);
                total += ms[RUNS / 2];
                System.out.printf("BENCH %-45s status=%-4s median=%4d ms max=%4d ms%n", c.id(), status, ms[RUNS / 2], ms[RUNS - 1]);
            }
            System.out.printf("BENCH all %d checks sequentially (sum of medians): %d ms%n", checks.size(), total);

            ebill.setFaults(EbillFaults.slow(10_000));
            Check hung = checks.get(0);
            long t0 = System.nanoTime();
            CheckResult r = hung.run();
            System.out.printf("BENCH hung platform (timeout 2s): %s -> %s in %d ms (%s)%n", hung.id(), r.status(),
                    (System.nanoTime() - t0) / 1_000_000, r.evidence());
            ebill.clearFaults();
        }
    }
}
