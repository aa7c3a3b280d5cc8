package cn.ebillops.audit;

import cn.ebillops.infra.InfraConfig;
import java.time.Clock;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * scripts/audit-verify.sh: verifies the audit chain in the configured database without starting the
 * assistant (the same variables as the service: EBILLOPS_DB_URL, EBILLOPS_DB_USER, EBILLOPS_DB_PASSWORD,
 * or the embedded H2 file under EBILLOPS_DATA_DIR, which can be read only while the assistant is stopped).
 * Prints the verdict in Chinese; exit code 0 intact, 1 broken, 2 unreadable.
 */
public final class AuditVerifyCli {

    private AuditVerifyCli() {
    }

    public static void main(String[] args) {
        String dataDir = System.getenv().getOrDefault("EBILLOPS_DATA_DIR", "./data");
        String url = System.getenv().getOrDefault("EBILLOPS_DB_URL", "jdbc:h2:file:" + dataDir
                + "/ebillops;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE");
        var ds = new DriverManagerDataSource(url, System.getenv().getOrDefault("EBILLOPS_DB_USER", "sa"),
                System.getenv().getOrDefault("EBILLOPS_DB_PASSWORD", ""));
        int code;
        try {
            var store = new AuditStore(JdbcClient.create(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)));
            AuditVerifier.Verdict v = AuditVerifier.verify(store);
            System.out.println(AuditDesk.describe(v, Clock.system(InfraConfig.ZONE)));
            code = v.intact() ? 0 : 1;
        } catch (RuntimeException e) {
            System.err.println("无法读取审计日志（" + url.replaceAll("[;?].*", "") + "）："
                    + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            code = 2;
        }
        System.exit(code);
    }
}
