package cn.ebillops.audit;

import cn.ebillops.testsupport.PostgresTestSupport;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The hash chain on the real PostgreSQL (migrations included), where several instances share one log. */
class AuditChainPostgresTest extends AuditChainContract {

    private static DataSource database;

    @BeforeAll
    static void migrate() {
        database = new DriverManagerDataSource(PostgresTestSupport.freshSchemaUrl(), PostgresTestSupport.USER, "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    }

    @Override
    DataSource dataSource() {
        return database;
    }
}
