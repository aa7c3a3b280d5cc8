package cn.ebillops.audit;

import cn.ebillops.inspection.InspectionTestDb;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The hash chain on the embedded H2 (PostgreSQL mode), the default database. */
class AuditChainH2Test extends AuditChainContract {

    private static DataSource database;

    @BeforeAll
    static void migrate() {
        database = InspectionTestDb.h2();
    }

    @Override
    DataSource dataSource() {
        return database;
    }
}
