package cn.ebillops.ebill.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@link TestBillLedger} in memory, for tools and tests that build checks without a database
 * (the cap then lasts as long as the factory). The application always uses the database.
 */
final class MemoryTestBillLedger implements TestBillLedger {

    private record Row(String target, Instant at) {
    }

    private final List<Row> rows = new ArrayList<>();

    @Override
    public synchronized OptionalLong reserve(String target, String busNo, Instant at, Instant dayStart, int cap) {
        if (countSince(target, dayStart) >= cap) {
            return OptionalLong.empty();
        }
        rows.add(new Row(target, at));
        return OptionalLong.of(rows.size());
    }

    @Override
    public synchronized int countSince(String target, Instant since) {
        return (int) rows.stream().filter(r -> r.target().equals(target) && !r.at().isBefore(since)).count();
    }

    @Override
    public void issued(long id, String billBatchCode, String billNo) {
        // nothing kept beyond the count
    }

    @Override
    public void redFlushed(long id, String scarletBillNo) {
        // nothing kept beyond the count
    }
}
