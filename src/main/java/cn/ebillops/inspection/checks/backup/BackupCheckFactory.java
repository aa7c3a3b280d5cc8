package cn.ebillops.inspection.checks.backup;

import cn.ebillops.config.ConfigNode;
import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckFactory;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.TargetBasics;
import cn.ebillops.inspection.Thresholds;
import cn.ebillops.inspection.checks.JdbcTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * kind: backup. A backup directory ({@code directory}, {@code glob} "*", {@code depth} 2,
 * {@code maxAge} 26h, {@code minSizeRatio} 0.5, volume {@code warnPercent}/{@code failPercent})
 * and/or Oracle RMAN ({@code jdbcUrl}, {@code user}, {@code passwordEnv}, {@code inputTypes}
 * [DB FULL, DB INCR, ARCHIVELOG → default "DB FULL"], {@code maxAge}, {@code days} 8).
 */
@Component
public class BackupCheckFactory implements CheckFactory {

    private final Clock clock;
    private final UnaryOperator<String> env;

    @Autowired
    public BackupCheckFactory(Clock clock) {
        this(clock, System::getenv);
    }

    BackupCheckFactory(Clock clock, UnaryOperator<String> env) {
        this.clock = clock;
        this.env = env;
    }

    @Override
    public String kind() {
        return "backup";
    }

    @Override
    public List<Check> create(ConfigNode t) {
        TargetBasics basics = TargetBasics.read(t, InspectionScope.BACKUP);
        Duration maxAge = t.duration("maxAge", Duration.ofHours(26));
        List<Check> out = new ArrayList<>();
        if (t.has("directory")) {
            out.add(new BackupDirectoryCheck(basics, new BackupDirectoryCheck.Settings(Path.of(t.string("directory")),
                    t.string("glob", "*"), t.integer("depth", 2, 1, 10), maxAge,
                    t.decimal("minSizeRatio", 0.5, 0, 1), Thresholds.read(t)), clock));
        }
        if (t.has("jdbcUrl")) {
            JdbcTarget db = JdbcTarget.read(t, env);
            if (db.vendor() != JdbcTarget.Vendor.ORACLE) {
                throw t.error("jdbcUrl", t.string("jdbcUrl"), "Oracle 的 JDBC URL（RMAN 检查）；其他数据库请配置 directory");
            }
            List<String> types = t.has("inputTypes") ? t.strings("inputTypes") : List.of("DB FULL");
            out.add(new RmanBackupCheck(basics, db, types, maxAge, t.integer("days", 8, 1, 366)));
        }
        if (out.isEmpty()) {
            throw t.error("directory", "(缺失)", "备份目录 directory，或 Oracle 的 jdbcUrl（RMAN）");
        }
        return out;
    }
}
