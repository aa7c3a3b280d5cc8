package cn.ebillops.ebill.check;

import cn.ebillops.config.ConfigNode;
import cn.ebillops.ebill.EbillEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A {@code kind: ebill} entry of bot-config/targets*.yaml. The app key is read from the
 * environment variable named by {@code appKeyEnv}; a literal {@code appKey} is accepted only
 * with the value {@value #SANDBOX_KEY} (the demo stand-in). {@code keyProblem} is non-empty
 * when the key is missing at run time: the checks then say 无法检查 instead of failing start.
 */
record EbillTarget(String name, EbillEndpoint endpoint, String keyProblem, KnownBill knownBill, String placeCode,
                   boolean testEnvironment, int testBillsPerDay, int slowMs, String operator,
                   Set<Integer> items, Options options) {

    static final String SANDBOX_KEY = "sandbox";
    static final Set<Integer> ALL_ITEMS = Set.of(4, 11, 12, 13, 14, 15, 16);
    private static final Pattern HTTP_URL = Pattern.compile("https?://[^\\s/]+(/\\S*)?");

    /** A recent bill known to exist on the platform, used for read-only probes; pictureUrl as the HIS stored it. */
    record KnownBill(String billBatchCode, String billNo, String random, String busNo, String busDateTime,
                     String pictureUrl) {
    }

    /**
     * How this platform is called: interface version (test-bill fields), strict response sign,
     * getBillByBusDate's dataType, and the test bill's codes (null unless testEnvironment).
     */
    record Options(InterfaceVersion version, boolean strictResponseSign, String billDataType, TestBillSettings testBill) {
    }

    static EbillTarget from(ConfigNode node, UnaryOperator<String> env) {
        String name = node.string("name");
        URI base = URI.create(node.matching("baseUrl", HTTP_URL, "http(s)://主机:端口"));
        String appid = node.string("appid");
        String key;
        String keyProblem = "";
        if (node.has("appKey")) {
            String literal = node.string("appKey");
            if (!SANDBOX_KEY.equals(literal)) {
                throw node.error("appKey", "******", "仅演示环境可写 sandbox；真实密钥请放在环境变量中，用 appKeyEnv 指定变量名");
            }
            key = literal;
        } else {
            String var = node.string("appKeyEnv");
            key = env.apply(var);
            if (key == null || key.isBlank()) {
                keyProblem = "环境变量 %s 未设置，无法计算接口签名".formatted(var);
                key = "";
            }
        }
        Duration timeout = node.duration("timeout", Duration.ofSeconds(10));
        EbillEndpoint endpoint = new EbillEndpoint(base, node.string("servicePath", EbillEndpoint.MEDICAL_PATH), appid, key,
                node.string("version", "1.0"), timeout);
        KnownBill known = null;
        if (node.has("knownBill")) {
            ConfigNode k = node.child("knownBill");
            known = new KnownBill(k.string("billBatchCode"), k.string("billNo"), k.string("random"), k.string("busNo"),
                    k.matching("busDateTime", Pattern.compile("\\d{8,17}"), "yyyyMMddHHmmssSSS 格式的数字"),
                    k.string("pictureUrl", ""));
        }
        Set<Integer> items = new TreeSet<>();
        for (String s : node.strings("items")) {
            try {
                int n = Integer.parseInt(s);
                if (!ALL_ITEMS.contains(n)) {
                    throw node.error("items", s, "4、11、12、13、14、15、16");
                }
                items.add(n);
            } catch (NumberFormatException e) {
                throw node.error("items", s, "4、11、12、13、14、15、16");
            }
        }
        String v = node.string("interfaceVersion", InterfaceVersion.V3_2_0.label());
        InterfaceVersion version = InterfaceVersion.parse(v);
        if (version == null) {
            throw node.error("interfaceVersion", v, "V2.0.3、V3.1.0、V3.2.0");
        }
        boolean testEnvironment = node.bool("testEnvironment", false);
        Options options = new Options(version, node.bool("strictResponseSign", false), node.string("billDataType", "1"),
                testEnvironment ? TestBillSettings.from(node) : null);
        return new EbillTarget(name, endpoint, keyProblem, known, node.string("placeCode"),
                testEnvironment, node.integer("testBillsPerDay", 3, 0, 100),
                node.integer("slowMs", 3000, 1, 600_000),
                node.string("operator", "运维巡检"), items.isEmpty() ? ALL_ITEMS : Set.copyOf(items), options);
    }

    boolean strictResponseSign() {
        return options.strictResponseSign();
    }

    /** The medical platform (default path) has no picture service; the standard platform has getEBillPicUrl. */
    boolean medicalPlatform() {
        return !endpoint.servicePath().contains("standard");
    }

    Duration timeout() {
        return endpoint.timeout();
    }

    /** The platform is the demo stand-in on this machine (127.0.0.1, localhost or ::1). */
    boolean loopback() {
        String host = endpoint.baseUrl().getHost();
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]") || h.equals("::1");
    }

    /**
     * testEnvironment on a platform that is not on this machine: legitimate for a hospital's test
     * platform, but exactly what a copied demo file looks like when pointed at production.
     */
    boolean issuesBillsOffLoopback() {
        return testEnvironment && !loopback();
    }
}
