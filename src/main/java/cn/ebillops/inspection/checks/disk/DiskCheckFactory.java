package cn.ebillops.inspection.checks.disk;

import cn.ebillops.config.ConfigNode;
import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckFactory;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.TargetBasics;
import cn.ebillops.inspection.Thresholds;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * kind: disk. Local: {@code paths: [/, /data]} (default "/"). Remote: {@code host}, {@code port?},
 * {@code user}, {@code passwordEnv} or {@code privateKey} (+ {@code passphraseEnv}),
 * {@code knownHosts?}, {@code mounts?}. Both: {@code warnPercent} (85), {@code failPercent} (90).
 */
@Component
public class DiskCheckFactory implements CheckFactory {

    private final UnaryOperator<String> env;

    @Autowired
    public DiskCheckFactory() {
        this(System::getenv);
    }

    DiskCheckFactory(UnaryOperator<String> env) {
        this.env = env;
    }

    @Override
    public String kind() {
        return "disk";
    }

    @Override
    public List<Check> create(ConfigNode t) {
        TargetBasics basics = TargetBasics.read(t, InspectionScope.DISK);
        Thresholds th = Thresholds.read(t);
        if (!t.has("host")) {
            List<String> paths = t.strings("paths");
            return List.of(new LocalDiskCheck(basics, (paths.isEmpty() ? List.of("/") : paths).stream()
                    .map(Path::of).toList(), th));
        }
        String passwordEnv = t.string("passwordEnv", "");
        String passphraseEnv = t.string("passphraseEnv", "");
        if (passwordEnv.isEmpty() && !t.has("privateKey")) {
            throw t.error("passwordEnv", "(缺失)", "保存 SSH 密码的环境变量名，或改用 privateKey");
        }
        SshRunner ssh = new SshRunner(t.string("host"), t.integer("port", 22, 1, 65535), t.string("user"),
                passwordEnv.isEmpty() ? null : env.apply(passwordEnv), t.string("privateKey", null),
                passphraseEnv.isEmpty() ? null : env.apply(passphraseEnv), t.string("knownHosts", null),
                basics.timeout());
        return List.of(new RemoteDiskCheck(basics, ssh, new LinkedHashSet<>(t.strings("mounts")), th));
    }
}
