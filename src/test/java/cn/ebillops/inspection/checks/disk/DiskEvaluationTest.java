package cn.ebillops.inspection.checks.disk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.ResultBuilder;
import cn.ebillops.inspection.SimpleCheck;
import cn.ebillops.inspection.TargetBasics;
import cn.ebillops.inspection.Thresholds;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Disk usage against the contract's limit: the worst file system decides, 90 % is already a failure. */
class DiskEvaluationTest {

    private static final long GB = 1024L * 1024 * 1024;

    private static CheckResult evaluate(DiskUsage... disks) {
        SimpleCheck check = new SimpleCheck("disk:test", "磁盘空间", List.of(7),
                new TargetBasics("app", InspectionScope.DISK, Duration.ofSeconds(5))) {
            @Override
            public CheckResult run() {
                return null;
            }
        };
        ResultBuilder r = new ResultBuilder(check, CheckStatus.OK);
        DiskEvaluation.apply(r, List.of(disks), Thresholds.DEFAULT);
        return r.build();
    }

    @Test
    void aFileSystemExactlyNinetyPercentFullFailsTheCheck() {
        CheckResult r = evaluate(new DiskUsage("/", "/dev/sda1", 90 * GB, 10 * GB));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.figures()).containsEntry("/ 使用率(%)", "90.00").containsEntry("最高使用率(%)", "90.00");
        assertThat(r.evidence()).isEqualTo("/（/dev/sda1）已用 90.00 GB，可用 10.00 GB，使用率 90.00% ← 异常");
        assertThat(r.suggestion()).isEqualTo("/ 使用率 90.00%（警告 85.00%，上限 90.00%）：清理过期日志、备份和临时文件，或扩容该分区。");
    }

    @Test
    void theWorstFileSystemDecidesAndIsNamedInTheSuggestion() {
        CheckResult r = evaluate(new DiskUsage("/", "/dev/sda1", 10 * GB, 90 * GB),
                new DiskUsage("/data", "/dev/sdb1", 86 * GB, 14 * GB),
                new DiskUsage("/backup", "/dev/sdc1", 50 * GB, 50 * GB));
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.figures()).containsEntry("最高使用率(%)", "86.00").containsEntry("/backup 使用率(%)", "50.00");
        assertThat(r.suggestion()).startsWith("/data 使用率 86.00%");
        assertThat(r.evidence().lines()).containsExactly(
                "/（/dev/sda1）已用 10.00 GB，可用 90.00 GB，使用率 10.00%",
                "/data（/dev/sdb1）已用 86.00 GB，可用 14.00 GB，使用率 86.00% ← 警告",
                "/backup（/dev/sdc1）已用 50.00 GB，可用 50.00 GB，使用率 50.00%");
    }

    @Test
    void twoEquallyFullFileSystemsNameTheLaterOne() {
        CheckResult r = evaluate(new DiskUsage("/a", "x", 88 * GB, 12 * GB), new DiskUsage("/b", "y", 88 * GB, 12 * GB));
        assertThat(r.suggestion()).startsWith("/b 使用率 88.00%");
    }

    @Test
    void healthyDisksCarryNoSuggestion() {
        CheckResult r = evaluate(new DiskUsage("/", "/dev/sda1", 84 * GB, 16 * GB));
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.suggestion()).isEmpty();
        assertThat(r.figures()).containsEntry("最高使用率(%)", "84.00");
    }

    @Test
    void usageIsUsedOverUsedPlusAvailableAsDfComputesIt() {
        assertThat(new DiskUsage("/", "fs", 45, 5).percent()).isEqualTo(90.0);
        assertThat(new DiskUsage("/", "fs", 0, 0).percent()).isZero();
    }
}
