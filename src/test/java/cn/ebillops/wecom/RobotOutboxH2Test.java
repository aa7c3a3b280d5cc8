package cn.ebillops.wecom;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The outbox SQL and migrations on the embedded H2 in PostgreSQL mode (the single-instance default). */
class RobotOutboxH2Test extends RobotOutboxPostgresTest {

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource("jdbc:h2:mem:outbox-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }
}
