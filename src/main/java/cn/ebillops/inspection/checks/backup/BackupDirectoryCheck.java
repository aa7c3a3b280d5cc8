package cn.ebillops.inspection.checks.backup;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.ResultBuilder;
import cn.ebillops.inspection.SimpleCheck;
import cn.ebillops.inspection.TargetBasics;
import cn.ebillops.inspection.Thresholds;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Item 7 for file backups (dumps, RMAN or Data Pump directories): the newest file's age, its
 * size against the previous one, and the free space of the backup volume.
 */
class BackupDirectoryCheck extends SimpleCheck {

    public record Settings(Path directory, String glob, int depth, Duration maxAge, double minSizeRatio,
                           Thresholds volume) {
    }

    private record Found(Path path, long size, Instant modified) {
    }

    private final Settings s;
    private final Clock clock;

    public BackupDirectoryCheck(TargetBasics target, Settings settings, Clock clock) {
        super(target.id("backup", "dir"), "数据备份（备份目录）", List.of(7), target);
        this.s = settings;
        this.clock = clock;
    }

    @Override
    public CheckResult run() throws IOException {
        ResultBuilder r = result(CheckStatus.OK);
        if (!Files.isDirectory(s.directory())) {
            return r.atLeast(CheckStatus.FAIL).evidence("备份目录 " + s.directory() + " 不存在")
                    .suggestion("确认备份任务的输出目录和挂载（如 NFS/NAS）正常，补做一次备份。").build();
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + s.glob());
        List<Found> files;
        try (Stream<Path> walk = Files.walk(s.directory(), s.depth())) {
            files = walk.filter(Files::isRegularFile).filter(p -> m.matches(p.getFileName())).map(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    return new Found(p, a.size(), a.lastModifiedTime().toInstant());
                } catch (IOException e) {
                    return null;
                }
            }).filter(f -> f != null).sorted(Comparator.comparing(Found::modified).reversed()).toList();
        }
        r.figure("备份文件数", files.size());
        if (files.isEmpty()) {
            r.atLeast(CheckStatus.FAIL).evidence("备份目录 %s 中没有匹配 %s 的备份文件".formatted(s.directory(), s.glob()))
                    .suggestion("检查备份计划任务是否在运行，并立即补做一次备份。");
        } else {
            Found newest = files.get(0);
            Duration age = Duration.between(newest.modified(), clock.instant());
            double hours = age.toMinutes() / 60.0;
            r.figure("最新备份距今(小时)", Thresholds.pct(hours));
            r.figure("最新备份大小", Thresholds.bytes(newest.size()));
            r.evidence("最新备份 %s，%s，%s 小时前".formatted(s.directory().relativize(newest.path()),
                    Thresholds.bytes(newest.size()), Thresholds.pct(hours)));
            if (age.compareTo(s.maxAge()) > 0) {
                r.atLeast(CheckStatus.FAIL).evidence("最新备份已超过 %d 小时（要求 %d 小时内）".formatted(age.toHours(),
                        s.maxAge().toHours())).suggestion("备份可能已停止：检查备份计划任务与日志，立即补做一次备份。");
            }
            if (newest.size() == 0) {
                r.atLeast(CheckStatus.FAIL).evidence("最新备份文件大小为 0").suggestion("备份文件为空：检查备份任务日志并重做备份。");
            } else if (files.size() > 1) {
                Found prev = files.get(1);
                r.figure("上一份备份大小", Thresholds.bytes(prev.size()));
                if (prev.size() > 0 && newest.size() < prev.size() * s.minSizeRatio()) {
                    r.atLeast(CheckStatus.WARN).evidence("最新备份比上一份（%s）小了 %s%%".formatted(
                            Thresholds.bytes(prev.size()), Thresholds.pct(100 - newest.size() * 100.0 / prev.size())))
                            .suggestion("备份明显变小：确认备份是否完整（可做一次恢复演练）。");
                }
            }
        }
        FileStore fs = Files.getFileStore(s.directory());
        long used = fs.getTotalSpace() - fs.getUnallocatedSpace();
        double pct = Thresholds.percent(used, used + fs.getUsableSpace());
        CheckStatus vs = s.volume().classify(pct);
        r.figure("备份卷使用率(%)", Thresholds.pct(pct));
        r.figure("备份卷可用", Thresholds.bytes(fs.getUsableSpace()));
        r.evidence("备份卷已用 %s%%，可用 %s".formatted(Thresholds.pct(pct), Thresholds.bytes(fs.getUsableSpace())));
        if (vs != CheckStatus.OK) {
            r.atLeast(vs).suggestion("备份空间不足：清理过期备份或扩容备份卷。");
        }
        return r.build();
    }
}
