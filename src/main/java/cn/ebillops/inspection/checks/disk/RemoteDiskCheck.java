package cn.ebillops.inspection.checks.disk;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.ResultBuilder;
import cn.ebillops.inspection.SimpleCheck;
import cn.ebillops.inspection.TargetBasics;
import cn.ebillops.inspection.Thresholds;
import java.util.List;
import java.util.Set;

/** Item 8 on a remote server: {@code df -P} over SSH; optional filter to the configured mounts. */
class RemoteDiskCheck extends SimpleCheck {

    static final String COMMAND = "LC_ALL=C df -P";
    private final SshRunner ssh;
    private final Set<String> mounts;
    private final Thresholds thresholds;

    public RemoteDiskCheck(TargetBasics target, SshRunner ssh, Set<String> mounts, Thresholds thresholds) {
        super(target.id("disk"), "服务器磁盘空间（" + ssh.host() + "）", List.of(8), target);
        this.ssh = ssh;
        this.mounts = Set.copyOf(mounts);
        this.thresholds = thresholds;
    }

    @Override
    public CheckResult run() throws Exception {
        SshRunner.Output out = ssh.exec(COMMAND);
        ResultBuilder r = result(CheckStatus.OK);
        List<DiskUsage> disks = DfParser.parse(out.stdout()).stream()
                .filter(d -> mounts.isEmpty() || mounts.contains(d.mount())).toList();
        if (disks.isEmpty()) {
            return r.atLeast(CheckStatus.ERROR)
                    .evidence("远程 df -P 没有返回可识别的分区（退出码 %d）：%s".formatted(out.exitCode(),
                            abbreviate(out.stdout() + out.stderr())))
                    .suggestion("确认 SSH 账号可执行 df，且 mounts 配置的挂载点存在。").build();
        }
        if (!ssh.hostKeyVerified()) {
            r.evidence("注意：未配置 knownHosts，未校验服务器主机指纹");
        }
        for (String m : mounts) {
            if (disks.stream().noneMatch(d -> d.mount().equals(m))) {
                r.atLeast(CheckStatus.WARN).evidence("配置的挂载点 " + m + " 在远程服务器上不存在");
            }
        }
        DiskEvaluation.apply(r, disks, thresholds);
        return r.build();
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
