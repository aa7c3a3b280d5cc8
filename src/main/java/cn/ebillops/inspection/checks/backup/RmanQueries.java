package cn.ebillops.inspection.checks.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Oracle RMAN SQL, in one place for review. Written from Oracle's reference
 * (V$RMAN_BACKUP_JOB_DETAILS, 10.2+); NOT run against a real Oracle here. Needs SELECT on
 * V_$RMAN_BACKUP_JOB_DETAILS or SELECT_CATALOG_ROLE.
 */
final class RmanQueries {

    /** Jobs started in the last :1 days, newest first; age in hours computed with SYSDATE. */
    static final String JOBS = """
            SELECT INPUT_TYPE, STATUS,
                   ROUND((SYSDATE - NVL(END_TIME, START_TIME)) * 24, 2) AS AGE_HOURS,
                   NVL(OUTPUT_BYTES, 0) AS OUTPUT_BYTES
              FROM V$RMAN_BACKUP_JOB_DETAILS
             WHERE START_TIME > SYSDATE - ?
             ORDER BY START_TIME DESC""";

    private RmanQueries() {
    }

    static List<RmanJob> jobs(Connection c, int days, int timeoutSeconds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(JOBS)) {
            ps.setQueryTimeout(timeoutSeconds);
            ps.setInt(1, days);
            List<RmanJob> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RmanJob(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getLong(4)));
                }
            }
            return out;
        }
    }
}
