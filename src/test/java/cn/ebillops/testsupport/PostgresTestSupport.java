package cn.ebillops.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The real local PostgreSQL (127.0.0.1:5432, trust auth, database "test"). Each caller gets a
 * fresh schema so test classes and parallel builds never see each other's tables.
 */
public final class PostgresTestSupport {

    public static final String BASE_URL = System.getenv().getOrDefault("EBILLOPS_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getenv().getOrDefault("EBILLOPS_TEST_PG_USER", "postgres");

    private PostgresTestSupport() {
    }

    /** Creates a new empty schema and returns a JDBC URL whose default schema is it. */
    public static String freshSchemaUrl() {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(BASE_URL + "?connectTimeout=5&socketTimeout=30", USER, "")) {
            c.createStatement().execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("local PostgreSQL not reachable at " + BASE_URL
                    + " (run scripts/services.sh)", e);
        }
        return BASE_URL + "?currentSchema=" + schema + "&connectTimeout=5&socketTimeout=30";
    }
}
