package cn.ebillops.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The real local PostgreSQL (127.0.0.1:5432, trust auth, database "test"). Each caller gets a
 * fresh schema so test classes and parallel builds never see each other's tables; the caller
 * drops it when done ({@link #dropSchema}).
 */
public final class PostgresTestSupport {

    public static final String BASE_URL = System.getenv().getOrDefault("EBILLOPS_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getenv().getOrDefault("EBILLOPS_TEST_PG_USER", "postgres");
    private static final String TIMEOUTS = "connectTimeout=5&socketTimeout=30";

    private PostgresTestSupport() {
    }

    /** Creates a new empty schema and returns its name. */
    public static String createSchema() {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create schema " + schema);
        return schema;
    }

    /**
     * A fresh schema for a test that builds its own data source; dropped when the test run ends
     * (SessionEndCleanup), after the test has closed its connections.
     */
    public static String freshSchemaUrl() {
        String schema = createSchema();
        SessionEndCleanup.register(() -> dropSchema(schema));
        return urlOf(schema);
    }

    /** A JDBC URL whose default schema is {@code schema}. */
    public static String urlOf(String schema) {
        return BASE_URL + "?currentSchema=" + schema + "&" + TIMEOUTS;
    }

    public static void dropSchema(String schema) {
        execute("drop schema if exists " + schema + " cascade");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(BASE_URL + "?" + TIMEOUTS, USER, "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("local PostgreSQL not reachable at " + BASE_URL
                    + " (run scripts/services.sh): " + e.getMessage(), e);
        }
    }
}
