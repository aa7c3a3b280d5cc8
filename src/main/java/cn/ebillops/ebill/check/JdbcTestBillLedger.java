package cn.ebillops.ebill.check;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** {@link TestBillLedger} in table ebill_test_bill (V51), portable between H2 and PostgreSQL. */
final class JdbcTestBillLedger implements TestBillLedger {

    private final JdbcClient jdbc;

    JdbcTestBillLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public synchronized OptionalLong reserve(String target, String busNo, Instant at, Instant dayStart, int cap) {
        // inspections run one at a time (InspectionGate); the lock covers this instance's own overlap
        if (countSince(target, dayStart) >= cap) {
            return OptionalLong.empty();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into ebill_test_bill (target, bus_no, issued_at, red_flushed) values (?, ?, ?, false)")
                .params(target, busNo, utc(at)).update(key, "id");
        return OptionalLong.of(key.getKey().longValue());
    }

    @Override
    public int countSince(String target, Instant since) {
        return jdbc.sql("select count(*) from ebill_test_bill where target = ? and issued_at >= ?")
                .params(target, utc(since)).query(Integer.class).single();
    }

    @Override
    public void issued(long id, String billBatchCode, String billNo) {
        jdbc.sql("update ebill_test_bill set bill_batch_code = ?, bill_no = ? where id = ?")
                .params(billBatchCode, billNo, id).update();
    }

    @Override
    public void redFlushed(long id, String scarletBillNo) {
        jdbc.sql("update ebill_test_bill set red_flushed = true, scarlet_bill_no = ? where id = ?")
                .params(scarletBillNo, id).update();
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
