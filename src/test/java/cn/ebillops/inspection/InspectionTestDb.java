package cn.ebillops.inspection;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A private in-memory H2 (PostgreSQL mode) with all migrations, for check tests that keep state. */
public final class InspectionTestDb {

    private InspectionTestDb() {
    }

    public static DataSource h2() {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:insp-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    /** One migrated database per test JVM (migrating takes seconds); callers keep their keys distinct. */
    public static JdbcClient jdbc() {
        return Shared.JDBC;
    }

    private static final class Shared {
        static final JdbcClient JDBC = JdbcClient.create(h2());
    }
}
