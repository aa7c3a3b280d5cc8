package cn.ebillops.ebill.check;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.EbillClient;
import cn.ebillops.ebill.EbillException;
import cn.ebillops.ebill.EbillResponse;
import cn.ebillops.ebill.EbillService;
import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionScope;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Common frame of the e-bill checks: every platform call goes through {@link #ok}, which
 * records its response time and result code as figures and turns a non-S0000 answer into
 * 异常 with the platform's decoded message. Transport and envelope failures (unreachable,
 * timeout, bad response sign…) are 异常 too: the target answered wrongly or not at all.
 */
abstract class EbillCheck implements Check {

    protected final EbillTarget target;
    protected final EbillClient client;
    private final PiiMasker masker;
    private final int item;
    private CaptureFiles captures = CaptureFiles.NONE;

    EbillCheck(EbillTarget target, EbillClient client, PiiMasker masker, int item) {
        this.target = target;
        this.client = client;
        this.masker = masker;
        this.item = item;
    }

    /** What the check proved, when every call succeeded. */
    protected record Outcome(CheckStatus status, String evidence, String suggestion) {
        static Outcome ok(String evidence) {
            return new Outcome(CheckStatus.OK, evidence, "");
        }
    }

    /** Calls and figures collected during one run. */
    protected static final class Trace {
        private final Map<String, String> figures = new LinkedHashMap<>();
        private final Set<EbillService> called = new LinkedHashSet<>();
        private long slowestMs;
        private String signProblem = "";

        void record(EbillService service, Duration elapsed, String code) {
            called.add(service);
            long ms = elapsed.toMillis();
            slowestMs = Math.max(slowestMs, ms);
            figures.put(service.serviceName() + " 响应ms", Long.toString(ms));
            if (code != null) {
                figures.put(service.serviceName() + " 结果码", code);
            }
        }

        void put(String key, String value) {
            figures.put(key, value);
        }

        void signChecked(EbillResponse r) {
            if (!r.signProblem().isEmpty() && signProblem.isEmpty()) {
                signProblem = r.service().serviceName() + "：" + r.signProblem();
            }
            figures.put("响应签名", signProblem.isEmpty() ? "校验通过" : "不一致");
        }
    }

    static final class BusinessFailure extends Exception {
        private final EbillResponse response;

        BusinessFailure(EbillResponse response) {
            super(response.resultCode());
            this.response = response;
        }
    }

    @FunctionalInterface
    protected interface Call {
        EbillResponse call() throws EbillException;
    }

    protected abstract String kindId();

    protected abstract Outcome probe(Trace trace) throws Exception;

    /** How many platform calls the check makes (for its timeout). */
    protected int calls() {
        return 1;
    }

    /** Where the go-live captures are: each result then says whether they confirmed the services it called. */
    void readCaptures(CaptureFiles files) {
        this.captures = files;
    }

    @Override
    public String id() {
        return kindId() + ":" + target.name();
    }

    @Override
    public List<Integer> contractItems() {
        return List.of(item);
    }

    @Override
    public InspectionScope scope() {
        return InspectionScope.EBILL;
    }

    @Override
    public String target() {
        return target.name();
    }

    @Override
    public Duration timeout() {
        return target.timeout().multipliedBy(calls()).plusSeconds(2);
    }

    @Override
    public final CheckResult run() throws Exception {
        long t0 = System.nanoTime();
        Trace trace = new Trace();
        if (!target.keyProblem().isEmpty()) {
            return result(CheckStatus.ERROR, trace, target.keyProblem(),
                    "请在运行助手的环境中设置 appKeyEnv 指定的环境变量（电子票据平台分配的密钥）后重新巡检。", t0);
        }
        try {
            Outcome o = signed(probe(trace), trace);
            if (o.status() == CheckStatus.OK && trace.slowestMs > target.slowMs()) {
                return result(CheckStatus.WARN, trace, o.evidence() + "；但最慢一次调用耗时 %d ms，超过阈值 %d ms"
                                .formatted(trace.slowestMs, target.slowMs()),
                        "电子票据平台接口响应缓慢：请检查平台应用服务器负载、数据库性能和网络延迟。", t0);
            }
            return result(o.status(), trace, o.evidence(), o.suggestion(), t0);
        } catch (EbillException e) {
            trace.record(e.service(), e.elapsed(), null);
            trace.put("错误类型", e.kind().name());
            return result(CheckStatus.FAIL, trace, e.service().label() + "（" + e.service().serviceName() + "）：" + e.getMessage(),
                    suggestion(e.kind()), t0);
        } catch (BusinessFailure f) {
            EbillResponse r = f.response;
            String msg = masker.mask(r.message());
            return result(CheckStatus.FAIL, trace, "%s（%s）返回 %s：%s".formatted(r.service().label(),
                            r.service().serviceName(), r.resultCode(), msg),
                    "电子票据平台返回错误码 %s（%s）：请按提示核对账号、开票点和票据信息配置，必要时联系平台厂商。"
                            .formatted(r.resultCode(), msg), t0);
        }
    }

    /**
     * A response sign that does not match is 警告 with the evidence (sign prefixes, never the key):
     * real HIS clients do not refuse a response for it. {@code strictResponseSign: true} makes it 异常.
     */
    private Outcome signed(Outcome o, Trace trace) {
        if (trace.signProblem.isEmpty()) {
            return o;
        }
        String evidence = o.evidence() + "\n" + trace.signProblem;
        if (target.strictResponseSign()) {
            return new Outcome(CheckStatus.FAIL, evidence, suggestion(EbillException.Kind.BAD_SIGN)
                    + "（本目标设置了 strictResponseSign: true，签名不一致按异常处理）");
        }
        CheckStatus status = o.status().compareTo(CheckStatus.WARN) >= 0 ? o.status() : CheckStatus.WARN;
        return new Outcome(status, evidence, o.status() == CheckStatus.OK
                ? "响应签名不一致（未拒收，真实 HIS 也不因此拒收）：请与平台厂商核对响应签名的计算方式，或核对 appid 与密钥；如需按异常处理，设 strictResponseSign: true。"
                : o.suggestion());
    }

    /** Makes a call, records it, and insists on S0000. */
    protected EbillResponse ok(Trace trace, Call call) throws EbillException, BusinessFailure {
        EbillResponse r = call.call();
        trace.record(r.service(), r.elapsed(), r.resultCode());
        trace.signChecked(r);
        if (!r.success()) {
            throw new BusinessFailure(r);
        }
        return r;
    }

    /** A line appended to every result's evidence (empty: none). */
    protected String evidenceNote() {
        return "";
    }

    /** A failed call in one line, the platform's text masked, for evidence that continues after it. */
    protected String describe(Exception e) {
        if (e instanceof BusinessFailure f) {
            return "%s 返回 %s：%s".formatted(f.response.service().serviceName(), f.response.resultCode(),
                    masker.mask(f.response.message()));
        }
        if (e instanceof EbillException x) {
            return x.service().serviceName() + "：" + x.getMessage();
        }
        return e.toString();
    }

    protected Outcome needKnownBill() {
        return new Outcome(CheckStatus.ERROR, "未配置 knownBill（一张已开具的票据），无法做只读探测",
                "请在 bot-config 的该目标下填写 knownBill：billBatchCode、billNo、random、busNo、busDateTime（取近期一张正常票据）。");
    }

    private CheckResult result(CheckStatus status, Trace trace, String evidence, String suggestion, long t0) {
        for (String note : List.of(evidenceNote(), captures.note(target.name(), trace.called))) {
            if (!note.isEmpty()) {
                evidence = evidence + "\n" + note;
            }
        }
        return new CheckResult(id(), name(), contractItems(), target(), status, trace.figures, evidence,
                status == CheckStatus.OK ? "" : suggestion, Duration.ofNanos(System.nanoTime() - t0));
    }

    static String suggestion(EbillException.Kind kind) {
        return switch (kind) {
            case UNREACHABLE -> "电子票据平台接口无法连接：请检查平台服务是否运行、前置机与网络、地址端口配置；开票中断属严重故障，请立即处理。";
            case TIMEOUT -> "电子票据平台接口超时：请检查平台应用服务器和数据库负载、网络延迟，必要时重启平台服务。";
            case HTTP_STATUS -> "电子票据平台返回非 200 状态：请核对接口地址路径，并查看平台应用服务日志。";
            case BAD_SIGN -> "响应签名校验失败：请核对 appid 与密钥（appKeyEnv）是否与平台一致，并排查中间设备是否改写了响应。";
            case MALFORMED -> "响应不符合电子票据平台协议：请确认地址指向医疗电子票据平台接口（/medical-web/api/medical/）。";
        };
    }
}
