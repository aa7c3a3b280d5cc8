package cn.ebillops.inspection;

import cn.ebillops.contract.ContractItems;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A realistic pair of inspections (previous and current) for summary, advisor and report tests. */
public final class SampleRuns {

    private SampleRuns() {
    }

    static CheckResult r(String id, String name, int item, String target, CheckStatus s, Map<String, String> figures,
                         String evidence, String suggestion) {
        return new CheckResult(id, name, List.of(item), target, s, figures, evidence, suggestion, Duration.ofMillis(120));
    }

    private static Map<String, String> f(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    public static InspectionRun previous() {
        Instant t = Instant.parse("2026-08-20T02:00:00Z");
        return new InspectionRun(7, EnumSet.of(InspectionScope.ALL), "schedule:quarterly", t, t.plusSeconds(4), List.of(
                r("tablespace:ebill-oracle:user", "数据库用户表空间使用率", 5, "ebill-oracle", CheckStatus.OK,
                        f("EBILL_DATA 使用率(%)", "78.40", "最高使用率(%)", "78.40"), "EBILL_DATA（PERMANENT）：已用 78.40 GB / 上限 100.00 GB 78.40%", ""),
                r("disk:应用服务器", "服务器磁盘空间（10.0.0.8）", 8, "应用服务器", CheckStatus.WARN,
                        f("/ 使用率(%)", "86.00", "最高使用率(%)", "86.00"), "/（/dev/sda1）使用率 86.00% ← 警告", "清理 /"),
                r("log:应用日志", "系统日志", 9, "应用日志", CheckStatus.OK, f("错误行数", "0"), "", "")));
    }

    /** The current run's first (OK) check alone: a run without problems. */
    public static InspectionRun allNormal() {
        InspectionRun c = current();
        return new InspectionRun(2, c.scopes(), "manual:x", c.startedAt(), c.finishedAt(), List.of(c.results().get(0)));
    }

    public static InspectionRun current() {
        Instant t = Instant.parse("2026-11-25T02:00:00Z");
        return new InspectionRun(12, EnumSet.of(InspectionScope.ALL), "manual:zhanggong", t, t.plusMillis(3400), List.of(
                r("http-page:电子票据系统页面", "系统页面访问", 2, "电子票据系统页面", CheckStatus.OK,
                        f("页面1 耗时(ms)", "85"), "http://127.0.0.1:18081/：HTTP 200，85 ms，正常", ""),
                r("backend:应用后台", "系统后台服务", 3, "应用后台", CheckStatus.OK, f(), "端口 10.0.0.8:8080 可连接（3 ms）", ""),
                r("tablespace:ebill-oracle:user", "数据库用户表空间使用率", 5, "ebill-oracle", CheckStatus.WARN,
                        f("EBILL_DATA 已用", "86.12 GB", "EBILL_DATA 使用率(%)", "86.12", "最高使用率(%)", "86.12"),
                        "EBILL_DATA（PERMANENT）：已用 86.12 GB / 上限 100.00 GB 86.12% ← 警告",
                        "表空间 EBILL_DATA 使用率 86.12%（警告 85.00%，上限 90.00%）：增加数据文件或开启自动扩展并设置合理上限，清理历史数据。"),
                r("tablespace:ebill-oracle:system", "数据库系统表空间使用率", 6, "ebill-oracle", CheckStatus.OK,
                        f("SYSTEM 使用率(%)", "61.20", "最高使用率(%)", "61.20"), "SYSTEM（PERMANENT）：已用 0.61 GB / 上限 1.00 GB 61.20%", ""),
                r("backup:数据库备份:dir", "数据备份（备份目录）", 7, "数据库备份", CheckStatus.FAIL,
                        f("备份文件数", "12", "最新备份距今(小时)", "50.00"), "最新备份 ebill_20261123.dmp，4.20 GB，50.00 小时前\n最新备份已超过 50 小时（要求 26 小时内）",
                        "备份可能已停止：检查备份计划任务与日志，立即补做一次备份。"),
                r("disk:应用服务器", "服务器磁盘空间（10.0.0.8）", 8, "应用服务器", CheckStatus.FAIL,
                        f("/ 使用率(%)", "92.34", "最高使用率(%)", "92.34"), "/（/dev/sda1）已用 36.24 GB，可用 3.01 GB，使用率 92.34% ← 异常",
                        "/ 使用率 92.34%（警告 85.00%，上限 90.00%）：清理过期日志、备份和临时文件，或扩容该分区。"),
                r("log:应用日志", "系统日志", 9, "应用日志", CheckStatus.WARN, f("错误行数", "14", "不同错误数", "2"),
                        "错误 Top1（12 次）：ERROR 连接数据库失败 id=#\n错误 Top2（2 次）：java.lang.IllegalStateException: 签名失败",
                        "按出现次数排查日志中的错误（Top 1：ERROR 连接数据库失败 id=#）；确认是否影响开票和接口。"),
                r("signing:签名验签服务器", "签名验签服务器", ContractItems.SIGNING_SERVER, "签名验签服务器", CheckStatus.ERROR, f(),
                        "检查超时：5 秒内未完成，已中止", "确认目标可达、配置正确后重新巡检。")));
    }
}
