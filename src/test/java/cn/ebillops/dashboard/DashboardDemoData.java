package cn.ebillops.dashboard;

import cn.ebillops.config.BotConfig;
import cn.ebillops.incident.availability.AvailabilitySample;
import cn.ebillops.incident.availability.AvailabilityService;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.InspectionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo data for the chart views, written through the owning modules' services as their own tests do:
 * probe samples and a maintenance window (AvailabilityService, as AvailabilityAndStatisticsTest seeds
 * them) and stored inspections whose results carry the figures the checks write.
 */
final class DashboardDemoData {

    /** 2026-11-25 00:00 Beijing time; the test's clock stands at 12:00 that day. */
    static final Instant DAY = Instant.parse("2026-11-24T16:00:00Z");
    static final Instant NOW = DAY.plus(Duration.ofHours(12));

    private DashboardDemoData() {
    }

    /**
     * One probe a minute from 00:00 to 11:59, down 10:00–10:30, maintenance 10:00–10:10: 710 minutes
     * observed, 20 down, so 97.18 % (below the 99 % target). Only the e-bill interface was down: its own
     * figure is the same, the signing server's 100 %.
     */
    static void availability(AvailabilityService availability, BotConfig config, JdbcClient jdbc) {
        jdbc.sql("delete from availability_sample").update();
        jdbc.sql("delete from maintenance_window").update();
        for (int m = 0; m < 720; m++) {
            boolean down = m >= 600 && m < 630;
            availability.record(new AvailabilitySample(DAY.plus(Duration.ofMinutes(m)), !down,
                    down ? "电子票据开票接口检查（ebill-main）异常" : ""));
            // the outage is the e-bill interface's alone; the signing server stayed up
            availability.record(InspectionScope.EBILL, new AvailabilitySample(DAY.plus(Duration.ofMinutes(m)), !down,
                    down ? "电子票据开票接口检查（ebill-main）异常" : ""));
            availability.record(InspectionScope.SIGNING, new AvailabilitySample(DAY.plus(Duration.ofMinutes(m)), true, ""));
        }
        availability.addMaintenance(config.person("zhanggong"), DAY.plus(Duration.ofHours(10)),
                DAY.plus(Duration.ofHours(10)).plus(Duration.ofMinutes(10)), "系统升级");
    }

    /** Three quarterly-style inspections, a day apart, with tablespace and disk usage rising and a certificate nearing expiry. */
    static List<InspectionRun> inspections(InspectionStore store) {
        return List.of(
                store.save(run(DAY.minus(Duration.ofDays(2)), "manual:zhanggong", 71.5, 80.0, 40, CheckStatus.OK)),
                store.save(run(DAY.minus(Duration.ofDays(1)), "schedule:quarterly:2026Q4", 84.0, 88.0, 39, CheckStatus.OK)),
                store.save(run(DAY, "manual:zhanggong", 92.5, 86.0, 38, CheckStatus.FAIL)));
    }

    private static InspectionRun run(Instant at, String trigger, double tablespace, double disk, int daysLeft,
                                     CheckStatus backend) {
        CheckStatus ts = tablespace >= 90 ? CheckStatus.FAIL : tablespace >= 80 ? CheckStatus.WARN : CheckStatus.OK;
        CheckStatus dk = disk >= 90 ? CheckStatus.FAIL : disk >= 80 ? CheckStatus.WARN : CheckStatus.OK;
        return new InspectionRun(0, Set.of(InspectionScope.ALL), trigger, at, at.plusSeconds(40), List.of(
                result("tablespace:ebill-db:user", "数据库用户表空间", 5, "ebill-db", ts, Map.of("最高使用率(%)", pct(tablespace))),
                result("disk:app-1", "服务器磁盘空间（本机）", 8, "app-1", dk, Map.of("最高使用率(%)", pct(disk), "/ 使用率(%)", pct(disk))),
                result("backend:app-1", "系统后台进程", 3, "app-1", backend, Map.of("进程 java 数量", "2")),
                result("signing-cert:svs-main", "签名验签服务器证书", 0, "svs-main",
                        daysLeft <= 30 ? CheckStatus.WARN : CheckStatus.OK,
                        Map.of("到期时间", "2027-01-01 00:00", "剩余天数", Integer.toString(daysLeft)))));
    }

    private static CheckResult result(String id, String name, int item, String target, CheckStatus status,
                                      Map<String, String> figures) {
        return new CheckResult(id, name, List.of(item), target, status, new LinkedHashMap<>(figures),
                status.label(), "", Duration.ofSeconds(1));
    }

    private static String pct(double v) {
        return "%.2f".formatted(v);
    }
}
