package cn.ebillops.inspection.checks.backup;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.ResultBuilder;
import cn.ebillops.inspection.SimpleCheck;
import cn.ebillops.inspection.TargetBasics;
import cn.ebillops.inspection.Thresholds;
import cn.ebillops.inspection.checks.JdbcTarget;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

/** Item 7 on Oracle: age of the last healthy RMAN backup per input type, and failures in the period. */
class RmanBackupCheck extends SimpleCheck {

    private final JdbcTarget db;
    private final List<String> inputTypes;
    private final Duration maxAge;
    private final int days;

    public RmanBackupCheck(TargetBasics target, JdbcTarget db, List<String> inputTypes, Duration maxAge, int days) {
        super(target.id("backup", "rman"), "数据库备份（Oracle RMAN）", List.of(7), target);
        this.db = db;
        this.inputTypes = List.copyOf(inputTypes);
        this.maxAge = maxAge;
        this.days = days;
    }

    @Override
    public CheckResult run() throws Exception {
        try (Connection c = db.connect(timeout())) {
            return evaluate(RmanQueries.jobs(c, days, (int) Math.max(1, timeout().toSeconds())));
        }
    }

    /** Pure evaluation of the job rows (unit-tested without Oracle). */
    CheckResult evaluate(List<RmanJob> jobs) {
        ResultBuilder r = result(CheckStatus.OK);
        double maxHours = maxAge.toMinutes() / 60.0;
        for (String type : inputTypes) {
            var last = jobs.stream().filter(j -> j.inputType().equals(type) && j.healthy()).findFirst();
            if (last.isEmpty()) {
                r.atLeast(CheckStatus.FAIL).evidence("%s：近 %d 天没有成功的备份".formatted(type, days));
                continue;
            }
            RmanJob j = last.get();
            r.figure(type + " 距今(小时)", Thresholds.pct(j.ageHours()));
            r.evidence("%s：最近成功备份 %s 小时前，%s，输出 %s".formatted(type, Thresholds.pct(j.ageHours()),
                    j.status(), Thresholds.bytes(j.outputBytes())));
            if (j.ageHours() > maxHours) {
                r.atLeast(CheckStatus.FAIL).evidence("%s：超过 %s 小时未成功备份".formatted(type, Thresholds.pct(maxHours)));
            }
        }
        long failures = jobs.stream().filter(RmanJob::failed).count();
        r.figure("失败作业数", failures);
        jobs.stream().filter(RmanJob::failed).limit(5).forEach(j ->
                r.atLeast(CheckStatus.WARN).evidence("失败：%s %s（%s 小时前）".formatted(j.inputType(), j.status(),
                        Thresholds.pct(j.ageHours()))));
        if (r.status() != CheckStatus.OK) {
            r.suggestion("查看 RMAN 日志（V$RMAN_OUTPUT）排除失败原因，并立即补做一次全量备份。");
        }
        return r.build();
    }
}
