package cn.ebillops.signing.check;

import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.signing.SigningServerClient;
import cn.ebillops.signing.SigningServerException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Common parts of the signing-server checks (contract section 二.3, item number 0). */
abstract class SigningCheck implements Check {

    protected final SigningTarget target;
    protected final SigningServerClient client;

    SigningCheck(SigningTarget target, SigningServerClient client) {
        this.target = target;
        this.client = client;
    }

    @Override
    public List<Integer> contractItems() {
        return List.of(0);
    }

    @Override
    public InspectionScope scope() {
        return InspectionScope.SIGNING;
    }

    @Override
    public String target() {
        return target.name();
    }

    @Override
    public Duration timeout() {
        // two server calls plus local work
        return target.timeout().multipliedBy(2).plusSeconds(2);
    }

    @Override
    public final CheckResult run() {
        long t0 = System.nanoTime();
        try {
            return probe(t0);
        } catch (SigningServerException e) {
            return result(CheckStatus.FAIL, Map.of("错误类型", e.kind().name()), e.getMessage(), suggestion(e), t0);
        }
    }

    protected abstract CheckResult probe(long t0) throws SigningServerException;

    protected CheckResult result(CheckStatus status, Map<String, String> figures, String evidence, String suggestion, long t0) {
        return new CheckResult(id(), name(), contractItems(), target(), status, figures, evidence,
                status == CheckStatus.OK ? "" : suggestion, Duration.ofNanos(System.nanoTime() - t0));
    }

    static String suggestion(SigningServerException e) {
        return switch (e.kind()) {
            case UNREACHABLE -> "签名验签服务器无法连接：请检查设备电源、网络和服务进程；如认证服务中断影响开票，按合同严重故障处理（立即响应，24 小时内未修复提供备机）。";
            case TIMEOUT -> "签名验签服务器响应超时：请检查设备负载和网络延迟，必要时重启签名服务。";
            case HTTP_STATUS, MALFORMED -> "签名验签服务器接口返回异常：请核对接口地址与字段配置（bot-config 中 api 段），并查看设备服务日志。";
            case SERVER_ERROR -> "签名验签服务器返回错误码：请按错误信息检查密钥索引、密钥口令和设备状态，必要时联系原厂。";
        };
    }
}
