package cn.ebillops.signing.check;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.signing.SigningServerClient;
import cn.ebillops.signing.SigningServerException;
import java.time.Duration;
import java.util.Map;

/** The signing server accepts a TCP connection. */
class SigningReachabilityCheck extends SigningCheck {

    SigningReachabilityCheck(SigningTarget target, SigningServerClient client) {
        super(target, client);
    }

    @Override
    public String id() {
        return "signing-reach:" + target.name();
    }

    @Override
    public String name() {
        return "签名验签服务器连通性";
    }

    @Override
    public Duration timeout() {
        return target.timeout().plusSeconds(1);
    }

    @Override
    protected CheckResult probe(long t0) throws SigningServerException {
        long ms = client.reachable().toMillis();
        Map<String, String> figures = Map.of("连接耗时ms", Long.toString(ms));
        if (ms > target.slowMs()) {
            return result(CheckStatus.WARN, figures, "TCP 连接成功但耗时 %d ms（阈值 %d ms）".formatted(ms, target.slowMs()),
                    "签名验签服务器连接缓慢：请检查网络链路和设备负载。", t0);
        }
        return result(CheckStatus.OK, figures, "TCP 连接成功，耗时 %d ms".formatted(ms), "", t0);
    }
}
