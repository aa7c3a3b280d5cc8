package cn.ebillops.inspection;

import cn.ebillops.contract.ContractItems;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code ebillops_inspection_item_status{item="1.5"}}: the newest result of each contract item (一.5 is
 * "1.5", the signing server 二.3 is "2.3") — 0 正常, 1 警告, 2 异常, 3 无法检查 (the worst of the item's
 * checks, each at its latest result, whichever run produced it: quarterly, pre-holiday, probe or
 * diagnosis); NaN for an item never checked. One query serves a whole scrape: the figures are kept a
 * few seconds and dropped when an inspection completes here; another instance's inspection shows at
 * the next scrape after that.
 */
@Component
class InspectionMetrics implements MeterBinder {

    /** A cache window shared by the gauges of one scrape, not a business deadline. */
    private static final long KEEP_NANOS = 5_000_000_000L;

    private final JdbcClient jdbc;
    private volatile Map<Integer, Integer> latest;
    private volatile long readAt;

    InspectionMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (int item : ContractItems.ITEMS.keySet()) {
            Gauge.builder("ebillops.inspection.item.status", this, m -> m.status(item))
                    .description("newest inspection result of the contract item: 0 正常, 1 警告, 2 异常, 3 无法检查")
                    .tag("item", (item == ContractItems.SIGNING_SERVER ? "2.3" : "1." + item))
                    .register(registry);
        }
    }

    @EventListener
    void onInspection(InspectionCompleted event) {
        latest = null;
    }

    private double status(int item) {
        Map<Integer, Integer> byItem = latest;
        if (byItem == null || System.nanoTime() - readAt > KEEP_NANOS) {
            try {
                byItem = read();
            } catch (DataAccessException e) {
                return Double.NaN;
            }
            latest = byItem;
            readAt = System.nanoTime();
        }
        Integer worst = byItem.get(item);
        return worst == null ? Double.NaN : worst;
    }

    private Map<Integer, Integer> read() {
        Map<Integer, Integer> worst = new HashMap<>();
        jdbc.sql("""
                        select x.contract_items, x.status from inspection_result x
                        join (select check_id, max(run_id) as run_id from inspection_result group by check_id) l
                          on l.check_id = x.check_id and l.run_id = x.run_id""")
                .query(rs -> {
                    int status = CheckStatus.valueOf(rs.getString(2)).ordinal();
                    String items = rs.getString(1);
                    if (!items.isBlank()) {
                        Arrays.stream(items.split(",")).map(Integer::valueOf)
                                .forEach(item -> worst.merge(item, status, Math::max));
                    }
                });
        return worst;
    }
}
