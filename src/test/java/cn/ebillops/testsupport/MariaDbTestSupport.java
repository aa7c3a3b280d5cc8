package cn.ebillops.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** The real local MariaDB (127.0.0.1:3306, root, no password); a fresh database per caller, dropped when the run ends. */
public final class MariaDbTestSupport {

    public static final String HOST_URL = System.getenv().getOrDefault("EBILLOPS_TEST_MARIADB_URL",
            "jdbc:mariadb://127.0.0.1:3306/");
    public static final String USER = "root";

    private MariaDbTestSupport() {
    }

    public static String freshDatabaseUrl() {
        String db = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + db);
        SessionEndCleanup.register(() -> execute("drop database if exists " + db));
        return HOST_URL + db + "?connectTimeout=5000&socketTimeout=30000";
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(HOST_URL + "?connectTimeout=5000&socketTimeout=30000", USER, "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("local MariaDB not reachable at " + HOST_URL
                    + " (run scripts/services.sh): " + e.getMessage(), e);
        }
    }
}
