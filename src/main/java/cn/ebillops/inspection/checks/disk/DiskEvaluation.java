package cn.ebillops.inspection.checks.disk;

import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.ResultBuilder;
import cn.ebillops.inspection.Thresholds;
import java.util.List;

/** Turns measured file systems into figures, evidence and a status (shared by local and SSH). */
final class DiskEvaluation {

    private DiskEvaluation() {
    }

    static void apply(ResultBuilder r, List<DiskUsage> disks, Thresholds t) {
        double worst = 0;
        String worstMount = "";
        for (DiskUsage d : disks) {
            double p = d.percent();
            CheckStatus s = t.classify(p);
            r.atLeast(s);
            r.figure(d.mount() + " 使用率(%)", Thresholds.pct(p));
            r.evidence("%s（%s）已用 %s，可用 %s，使用率 %s%%%s".formatted(d.mount(), d.filesystem(),
                    Thresholds.bytes(d.usedBytes()), Thresholds.bytes(d.availableBytes()), Thresholds.pct(p),
                    s == CheckStatus.OK ? "" : " ← " + s.label()));
            if (p >= worst) {
                worst = p;
                worstMount = d.mount();
            }
        }
        r.figure("最高使用率(%)", Thresholds.pct(worst));
        if (r.status() != CheckStatus.OK) {
            r.suggestion("%s 使用率 %s%%（警告 %s%%，上限 %s%%）：清理过期日志、备份和临时文件，或扩容该分区。"
                    .formatted(worstMount, Thresholds.pct(worst), Thresholds.pct(t.warnPercent()),
                            Thresholds.pct(t.failPercent())));
        }
    }
}
