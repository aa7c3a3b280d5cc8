package cn.ebillops.ebill.check;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Every test bill the round trip issues (issue 18): reserved before the bill is issued, so the
 * daily cap also counts attempts that died half-way, then completed with the bill's number and
 * whether it was red-flushed. Production keeps it in the database ({@link JdbcTestBillLedger}),
 * so a restart does not reset the cap.
 */
interface TestBillLedger {

    /** A new row for {@code busNo}, unless {@code target} already has {@code cap} rows since {@code dayStart}. */
    OptionalLong reserve(String target, String busNo, Instant at, Instant dayStart, int cap);

    int countSince(String target, Instant since);

    void issued(long id, String billBatchCode, String billNo);

    void redFlushed(long id, String scarletBillNo);
}
