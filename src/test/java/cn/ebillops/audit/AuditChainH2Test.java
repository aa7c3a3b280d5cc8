package cn.ebillops.audit;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The hash chain on the embedded H2 (PostgreSQL mode), the default database. The concurrency test plays
 * several instances on one H2, which production never does (there one lock in the JVM orders the writers):
 * the lock timeout is raised from H2's one second so a slow, shared machine cannot fail it.
 */
class AuditChainH2Test extends AuditChainContract {

    private static DataSource database;

    @BeforeAll
    static void migrate() {
        database = new DriverManagerDataSource("jdbc:h2:mem:audit-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000",
                "sa", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    }

    @Override
    DataSource dataSource() {
        return database;
    }
}
