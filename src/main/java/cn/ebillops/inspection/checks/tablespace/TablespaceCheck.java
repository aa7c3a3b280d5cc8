package cn.ebillops.inspection.checks.tablespace;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.ResultBuilder;
import cn.ebillops.inspection.SimpleCheck;
import cn.ebillops.inspection.TargetBasics;
import cn.ebillops.inspection.Thresholds;
import cn.ebillops.inspection.checks.JdbcTarget;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Items 5 (user tablespaces) and 6 (system tablespaces, incl. UNDO and TEMP): usage against the
 * maximum size. Where the database has no maximum, a configured quota or — when the database
 * runs on this machine — the file system holding the tablespace is the limit; with neither, the
 * usage cannot be measured from the database and the result says so as 警告.
 */
class TablespaceCheck extends SimpleCheck {

    private final JdbcTarget db;
    private final boolean system;
    private final Thresholds thresholds;
    private final Map<String, Long> quotas;

    public TablespaceCheck(TargetBasics target, JdbcTarget db, boolean system, Thresholds thresholds,
                           Map<String, Long> quotas) {
        super(target.id("tablespace", system ? "system" : "user"),
                system ? "数据库系统表空间使用率" : "数据库用户表空间使用率", List.of(system ? 6 : 5), target);
        this.db = db;
        this.system = system;
        this.thresholds = thresholds;
        this.quotas = Map.copyOf(quotas);
    }

    @Override
    public CheckResult run() throws Exception {
        List<TablespaceUsage> all;
        try (Connection c = db.connect(timeout())) {
            all = TablespaceQueries.read(db.vendor(), c, (int) Math.max(1, timeout().toSeconds()));
        }
        return evaluate(all);
    }

    CheckResult evaluate(List<TablespaceUsage> all) throws IOException {
        ResultBuilder r = result(CheckStatus.OK);
        List<TablespaceUsage> mine = all.stream().filter(t -> t.system() == system).toList();
        if (mine.isEmpty()) {
            return r.atLeast(CheckStatus.ERROR).evidence("没有读到%s表空间（检查账号是否有查询字典视图的权限）"
                    .formatted(system ? "系统" : "用户")).build();
        }
        double worst = -1;
        String worstName = "";
        List<String> unmeasured = new ArrayList<>();
        for (TablespaceUsage t : mine) {
            Double pct = null;
            String basis;
            Long limit = t.maxBytes() != null && t.maxBytes() > 0 ? t.maxBytes() : quotas.get(t.name());
            if (limit != null) {
                pct = Thresholds.percent(t.usedBytes(), limit);
                basis = "已用 %s / 上限 %s".formatted(Thresholds.bytes(t.usedBytes()), Thresholds.bytes(limit));
            } else if (db.isLocalHost() && t.location() != null && Files.exists(Path.of(t.location()))) {
                FileStore fs = Files.getFileStore(Path.of(t.location()));
                long used = fs.getTotalSpace() - fs.getUnallocatedSpace();
                pct = Thresholds.percent(used, used + fs.getUsableSpace());
                basis = "大小 %s，无上限；所在文件系统（%s）使用率".formatted(Thresholds.bytes(t.usedBytes()), t.location());
            } else {
                // No maximum, no quota, and the files are on another machine: the database cannot say
                // how full the disk under it is. 正常 here would claim what nobody measured.
                basis = "大小 %s，数据库中没有上限或配额，且数据库不在本机%s：无法从数据库测得相对容量的使用率"
                        .formatted(Thresholds.bytes(t.usedBytes()), t.location() == null ? "" : "（数据目录 " + t.location() + "）");
            }
            r.figure(t.name() + " 已用", Thresholds.bytes(t.usedBytes()));
            if (pct == null) {
                r.atLeast(CheckStatus.WARN);
                r.evidence("%s（%s）：%s ← %s".formatted(t.name(), t.type(), basis, CheckStatus.WARN.label()));
                unmeasured.add(t.name());
                continue;
            }
            CheckStatus s = thresholds.classify(pct);
            r.atLeast(s);
            r.figure(t.name() + " 使用率(%)", Thresholds.pct(pct));
            r.evidence("%s（%s）：%s %s%%%s".formatted(t.name(), t.type(), basis, Thresholds.pct(pct),
                    s == CheckStatus.OK ? "" : " ← " + s.label()));
            if (pct > worst) {
                worst = pct;
                worstName = t.name();
            }
        }
        if (worst >= 0) {
            r.figure("最高使用率(%)", Thresholds.pct(worst));
        }
        List<String> advice = new ArrayList<>();
        if (worst >= 0 && thresholds.classify(worst) != CheckStatus.OK) {
            advice.add("表空间 %s 使用率 %s%%（警告 %s%%，上限 %s%%）：增加数据文件或开启自动扩展并设置合理上限，清理历史数据。"
                    .formatted(worstName, Thresholds.pct(worst), Thresholds.pct(thresholds.warnPercent()),
                            Thresholds.pct(thresholds.failPercent())));
        }
        if (!unmeasured.isEmpty()) {
            advice.add(("表空间 %s 没有上限，使用率取决于数据库服务器的磁盘，从数据库无法测得：请对该数据库服务器做磁盘检查"
                    + "（targets 中加 kind: disk 的远程 SSH 目标，mounts 写数据目录所在分区），或在本目标的 quotas 中为其设定配额。")
                    .formatted(String.join("、", unmeasured)));
        }
        r.suggestion(String.join(" ", advice));
        return r.build();
    }
}
