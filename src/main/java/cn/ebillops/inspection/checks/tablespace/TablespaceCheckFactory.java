package cn.ebillops.inspection.checks.tablespace;

import cn.ebillops.config.ConfigNode;
import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckFactory;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.TargetBasics;
import cn.ebillops.inspection.Thresholds;
import cn.ebillops.inspection.checks.JdbcTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * kind: tablespace. {@code jdbcUrl} (Oracle, DM8, PostgreSQL, MySQL/MariaDB), {@code user},
 * {@code passwordEnv}, {@code warnPercent} (85), {@code failPercent} (90), {@code quotas}
 * (tablespace → size such as 50G, for tablespaces without a maximum). Creates two checks:
 * user tablespaces (item 5) and system tablespaces (item 6).
 */
@Component
public class TablespaceCheckFactory implements CheckFactory {

    private final UnaryOperator<String> env;

    @Autowired
    public TablespaceCheckFactory() {
        this(System::getenv);
    }

    TablespaceCheckFactory(UnaryOperator<String> env) {
        this.env = env;
    }

    @Override
    public String kind() {
        return "tablespace";
    }

    @Override
    public List<Check> create(ConfigNode t) {
        TargetBasics basics = TargetBasics.read(t, InspectionScope.DB);
        JdbcTarget db = JdbcTarget.read(t, env);
        Thresholds th = Thresholds.read(t);
        Map<String, Long> quotas = new LinkedHashMap<>();
        t.child("quotas").raw().forEach((name, size) -> {
            try {
                quotas.put(name, TablespaceQueries.parseSize(String.valueOf(size)));
            } catch (IllegalArgumentException e) {
                throw t.child("quotas").error(name, size, "大小，如 500M、50G、2T");
            }
        });
        return List.of(new TablespaceCheck(basics, db, false, th, quotas),
                new TablespaceCheck(basics, db, true, th, quotas));
    }
}
