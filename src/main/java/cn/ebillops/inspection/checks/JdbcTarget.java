package cn.ebillops.inspection.checks;

import cn.ebillops.config.ConfigNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * A monitored database from a target entry: {@code jdbcUrl}, {@code user}, {@code passwordEnv}
 * (name of the environment variable holding the password). Connects with the driver's own
 * connect and read timeouts so a dead server cannot hold a check thread forever.
 */
public record JdbcTarget(String url, String user, String password, Vendor vendor) {

    public enum Vendor {
        ORACLE, DM, POSTGRESQL, MYSQL;

        public static Vendor of(String url) {
            String u = url.toLowerCase(Locale.ROOT);
            if (u.startsWith("jdbc:oracle:")) {
                return ORACLE;
            }
            if (u.startsWith("jdbc:dm:")) {
                return DM;
            }
            if (u.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            if (u.startsWith("jdbc:mysql:") || u.startsWith("jdbc:mariadb:")) {
                return MYSQL;
            }
            return null;
        }
    }

    public static JdbcTarget read(ConfigNode t, UnaryOperator<String> env) {
        String url = t.string("jdbcUrl");
        Vendor vendor = Vendor.of(url);
        if (vendor == null) {
            throw t.error("jdbcUrl", url, "jdbc:oracle:、jdbc:dm:、jdbc:postgresql:、jdbc:mysql: 或 jdbc:mariadb: 开头的 JDBC URL");
        }
        String passwordEnv = t.string("passwordEnv", "");
        String password = passwordEnv.isEmpty() ? "" : env.apply(passwordEnv);
        return new JdbcTarget(url, t.string("user"), password == null ? "" : password, vendor);
    }

    /** Host named in the URL is this machine (so its data directory can be measured here). */
    public boolean isLocalHost() {
        String u = url.toLowerCase(Locale.ROOT);
        return u.contains("//127.0.0.1") || u.contains("//localhost") || u.contains("@127.0.0.1")
                || u.contains("@localhost") || u.contains("//[::1]");
    }

    public Connection connect(Duration timeout) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        long ms = Math.max(1000, timeout.toMillis());
        switch (vendor) {
            case POSTGRESQL -> {
                p.setProperty("connectTimeout", Long.toString(Math.max(1, ms / 1000)));
                p.setProperty("socketTimeout", Long.toString(Math.max(1, ms / 1000)));
                p.setProperty("readOnly", "true");
            }
            case MYSQL -> {
                p.setProperty("connectTimeout", Long.toString(ms));
                p.setProperty("socketTimeout", Long.toString(ms));
            }
            case ORACLE -> {
                p.setProperty("oracle.net.CONNECT_TIMEOUT", Long.toString(ms));
                p.setProperty("oracle.jdbc.ReadTimeout", Long.toString(ms));
            }
            case DM -> {
                p.setProperty("connectTimeout", Long.toString(ms));
                p.setProperty("socketTimeout", Long.toString(ms));
            }
        }
        Connection c = DriverManager.getConnection(url, p);
        c.setReadOnly(true);
        return c;
    }
}
