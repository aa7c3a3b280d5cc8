package cn.ebillops.inspection.checks.disk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigNode;
import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckRunner;
import cn.ebillops.inspection.CheckStatus;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiskChecksTest {

    static final String FULL_DF = """
            Filesystem     1024-blocks      Used Available Capacity Mounted on
            /dev/sda1         41152736  38000000   3152736      93% /
            tmpfs              1024000   1024000         0     100% /dev/shm
            /dev/sdb1        103081248  20000000  83081248      20% /u01
            /dev/loop3           56832     56832         0     100% /snap/core/1
            """;

    private final DiskCheckFactory factory = new DiskCheckFactory(Map.of("SSH_PW", LoopbackSshServer.PASSWORD)::get);

    private static ConfigNode node(String yaml) {
        return BotConfigFiles.parse("targets.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
                .children("targets").get(0);
    }

    private static CheckResult run(Check c) {
        try (CheckRunner runner = new CheckRunner(Duration.ofSeconds(90))) {
            return runner.run(List.of(c)).get(0);
        }
    }

    @Test
    void dfParserSkipsPseudoFileSystemsAndComputesUseLikeDf() {
        List<DiskUsage> disks = DfParser.parse(FULL_DF);
        assertThat(disks).extracting(DiskUsage::mount).containsExactly("/", "/u01");
        assertThat(disks.get(0).percent()).isBetween(92.3, 92.4);
    }

    @Test
    void localDiskReportsUsageOfTheConfiguredPaths() {
        CheckResult r = run(factory.create(node("targets: [{name: 本机, kind: disk, paths: [/], warnPercent: 99, failPercent: 100}]")).get(0));
        assertThat(r.status()).isIn(CheckStatus.OK, CheckStatus.WARN, CheckStatus.FAIL);
        assertThat(r.figures()).containsKey("/ 使用率(%)").containsKey("最高使用率(%)");
        assertThat(r.figures().get("最高使用率(%)")).matches("\\d+\\.\\d{2}");
        assertThat(r.contractItems()).containsExactly(8);
    }

    @Test
    void localDiskWithMissingPathCannotBeChecked() {
        CheckResult r = run(factory.create(node("targets: [{name: 本机, kind: disk, paths: [/no/such/dir]}]")).get(0));
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.evidence()).contains("不存在");
    }

    // SSH timeouts are generous: the first handshake in a JVM initialises the crypto providers,
    // which takes seconds on a busy build machine.
    @Test
    void remoteDiskRunsRealDfOverSshOnLoopback() throws Exception {
        try (LoopbackSshServer ssh = new LoopbackSshServer(cmd -> null)) {
            CheckResult r = run(factory.create(node("""
                    targets: [{name: 数据库服务器, kind: disk, host: 127.0.0.1, port: %d, user: ops, passwordEnv: SSH_PW,
                               warnPercent: 99, failPercent: 100, timeout: 60s}]""".formatted(ssh.port()))).get(0));
            assertThat(r.status()).as(r.evidence()).isIn(CheckStatus.OK, CheckStatus.WARN, CheckStatus.FAIL);
            assertThat(r.figures()).containsKey("最高使用率(%)");
            assertThat(r.evidence()).contains("未校验服务器主机指纹");
        }
    }

    @Test
    void remoteDiskOverNinetyPercentFails() throws Exception {
        try (LoopbackSshServer ssh = new LoopbackSshServer(cmd -> cmd.contains("df -P") ? FULL_DF : "")) {
            CheckResult r = run(factory.create(node("""
                    targets: [{name: 数据库服务器, kind: disk, host: 127.0.0.1, port: %d, user: ops, passwordEnv: SSH_PW, timeout: 60s}]"""
                    .formatted(ssh.port()))).get(0));
            assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(r.figures()).containsEntry("/ 使用率(%)", "92.34").containsEntry("/u01 使用率(%)", "19.40");
            assertThat(r.evidence()).contains("/ （/dev/sda1）".replace(" ", "")).contains("← 异常");
            assertThat(r.suggestion()).contains("/").contains("扩容");
        }
    }

    @Test
    void unreachableSshServerCannotBeChecked() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CheckResult unreachable = run(factory.create(node("""
                targets: [{name: 远程, kind: disk, host: 127.0.0.1, port: %d, user: ops, passwordEnv: SSH_PW, timeout: 3s}]"""
                .formatted(closedPort))).get(0));
        assertThat(unreachable.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(unreachable.evidence()).contains("检查出错");

    }
}
