package cn.ebillops.inspection.checks.disk;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.ResultBuilder;
import cn.ebillops.inspection.SimpleCheck;
import cn.ebillops.inspection.TargetBasics;
import cn.ebillops.inspection.Thresholds;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Item 8 on this machine: usage of the file systems holding the configured paths (java.nio). */
class LocalDiskCheck extends SimpleCheck {

    private final List<Path> paths;
    private final Thresholds thresholds;

    public LocalDiskCheck(TargetBasics target, List<Path> paths, Thresholds thresholds) {
        super(target.id("disk"), "服务器磁盘空间（本机）", List.of(8), target);
        this.paths = List.copyOf(paths);
        this.thresholds = thresholds;
    }

    @Override
    public CheckResult run() throws IOException {
        List<DiskUsage> disks = new ArrayList<>();
        ResultBuilder r = result(CheckStatus.OK);
        for (Path p : paths) {
            if (!Files.exists(p)) {
                r.atLeast(CheckStatus.ERROR).evidence(p + " 不存在，无法检查");
                continue;
            }
            FileStore fs = Files.getFileStore(p);
            long total = fs.getTotalSpace();
            long used = total - fs.getUnallocatedSpace();
            disks.add(new DiskUsage(p.toString(), fs.name(), used, fs.getUsableSpace()));
        }
        DiskEvaluation.apply(r, disks, thresholds);
        return r.build();
    }
}
