package cn.ebillops.ebill.check;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigException;
import cn.ebillops.config.ConfigNode;
import cn.ebillops.ebill.EbillClient;
import cn.ebillops.inspection.CheckRegistry;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * scripts/ebill-capture.sh [目标名]: the go-live capture without starting the assistant. Reads the
 * {@code kind: ebill} targets of bot-config (targets.yaml and targets.d/) as the inspection registry
 * does, calls each read-only service once ({@link EbillCapture}) and writes
 * {@code <data-dir>/captures/ebill-<target>-<stamp>.json} for the vendor. Exit 0 every service agreed
 * with the reference, 1 a service failed or differs, 2 usage or configuration error.
 */
public final class EbillCaptureCli {

    /** The assistant's zone (InfraConfig.ZONE; infra is not a dependency of this module). */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private EbillCaptureCli() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, System.getenv(), Clock.system(ZONE), out, err));
    }

    static int run(String[] args, Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
        if (args.length > 1 || args.length == 1 && args[0].startsWith("-")) {
            err.println("用法：scripts/ebill-capture.sh [电子票据平台目标名]（默认采集 bot-config 中全部 kind: ebill 目标）");
            return args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")) ? 0 : 2;
        }
        List<EbillTarget> targets = new ArrayList<>();
        try {
            BotConfigFiles files = new BotConfigFiles(Path.of(env.getOrDefault("EBILLOPS_CONFIG_DIR", "bot-config")));
            for (ConfigNode node : ebillNodes(files)) {
                EbillTarget t = EbillTarget.from(node, env::get);
                if (args.length == 0 || t.name().equals(args[0])) {
                    targets.add(t);
                }
            }
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (targets.isEmpty()) {
            err.println(args.length == 0 ? "bot-config 中没有 kind: ebill 的目标" : "bot-config 中没有名为“" + args[0] + "”的 kind: ebill 目标");
            return 2;
        }
        CaptureFiles files = CaptureFiles.under(env.getOrDefault("EBILLOPS_DATA_DIR", "./data"));
        int code = 0;
        for (EbillTarget t : targets) {
            code = Math.max(code, capture(t, files, clock, out, err));
        }
        return code;
    }

    private static int capture(EbillTarget t, CaptureFiles files, Clock clock, PrintStream out, PrintStream err) {
        out.println("电子票据平台现场采集：%s（%s%s，appid %s）".formatted(t.name(), t.endpoint().baseUrl(),
                t.endpoint().servicePath(), t.endpoint().appid()));
        if (!t.keyProblem().isEmpty()) {
            err.println("  无法采集：" + t.keyProblem());
            return 1;
        }
        if (t.knownBill() == null) {
            out.println("  提示：未配置 knownBill，按票据查询的服务不采集");
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        EbillCapture capture = new EbillCapture(t, new EbillClient(t.endpoint()), new PiiMasker(), clock);
        List<EbillCapture.Entry> entries = capture.run();
        boolean allPassed = true;
        for (EbillCapture.Entry e : entries) {
            out.println("  %s %s：%s".formatted(e.service().serviceName(), e.service().label(), e.verdict()));
            allPassed &= !e.verdict().startsWith("失败") && !e.verdict().startsWith("字段不符");
        }
        try {
            Path file = files.write(t.name(), at, capture.document(entries));
            out.println("  已写入 %s：请发给平台厂商，与参考资料的请求/响应示例对照（不含密钥与签名值，患者信息已脱敏）".formatted(file));
        } catch (IOException e) {
            err.println("  无法写入采集文件：" + e.getMessage());
            return 2;
        }
        return allPassed ? 0 : 1;
    }

    /** The {@code kind: ebill} entries of targets.yaml and targets.d/*.yaml, read as {@link CheckRegistry} reads them. */
    private static List<ConfigNode> ebillNodes(BotConfigFiles files) {
        List<ConfigNode> roots = new ArrayList<>();
        roots.add(files.readOptional(CheckRegistry.MAIN_FILE));
        for (Path p : files.list(CheckRegistry.EXTRA_DIR, ".yaml")) {
            roots.add(files.read(CheckRegistry.EXTRA_DIR + "/" + p.getFileName()));
        }
        List<ConfigNode> out = new ArrayList<>();
        for (ConfigNode root : roots) {
            for (ConfigNode target : root.children("targets")) {
                if ("ebill".equals(target.string("kind"))) {
                    out.add(target);
                }
            }
        }
        return out;
    }
}
