package cn.ebillops.ebill.check;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.EbillClient;
import cn.ebillops.ebill.EbillException;
import cn.ebillops.ebill.EbillResponse;
import cn.ebillops.ebill.EbillService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The go-live capture (issue 18 item 5): calls each read-only service the probes use once, as the
 * probes call it, and records the masked business request and answer with the verdict of the
 * comparison with the reference. Never issues or red-flushes a bill, whatever testEnvironment says.
 */
final class EbillCapture {

    /** What a capture can confirm: the read-only services, in the order they are called. */
    static final List<EbillService> READ_ONLY = List.of(EbillService.GET_EBILL_STATES_BY_BILL_INFO,
            EbillService.GET_EBILL_BY_BUS_NO, EbillService.GET_BILL_BY_BUS_DATE, EbillService.CHECK_TOTAL_DATA,
            EbillService.GET_VALID_BILL_BATCH_CODE, EbillService.GET_EBILL_PIC_URL);
    static final String PASSED = "通过";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One service's exchange as written into the capture file (everything already masked). */
    record Entry(EbillService service, OffsetDateTime time, long elapsedMs, int httpStatus, JsonNode request,
                 String resultCode, String message, JsonNode response, String responseSign, String verdict) {

        boolean confirmed() {
            return PASSED.equals(verdict);
        }

        ObjectNode json() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("service", service.serviceName());
            o.put("label", service.label());
            o.put("time", time.toString());
            o.put("elapsedMs", elapsedMs);
            o.put("httpStatus", httpStatus);
            o.set("request", request);
            o.put("resultCode", resultCode);
            o.put("message", message);
            o.set("response", response);
            o.put("responseSign", responseSign);
            o.put("verdict", verdict);
            return o;
        }
    }

    @FunctionalInterface
    private interface Call {
        EbillResponse call(EbillClient client) throws EbillException;
    }

    private final EbillTarget target;
    private final EbillClient client;
    private final CaptureMasking masking;
    private final Clock clock;

    EbillCapture(EbillTarget target, EbillClient client, PiiMasker masker, Clock clock) {
        this.target = target;
        this.client = client;
        this.masking = new CaptureMasking(masker, target.endpoint().appKey());
        this.clock = clock;
    }

    List<Entry> run() {
        var k = target.knownBill();
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        List<Entry> out = new ArrayList<>();
        for (EbillService s : READ_ONLY) {
            Call call = switch (s) {
                case GET_EBILL_STATES_BY_BILL_INFO -> k == null ? null : c -> c.billState(k.billBatchCode(), k.billNo());
                case GET_EBILL_BY_BUS_NO -> k == null ? null : c -> c.billByBusNo(k.busNo(), k.busDateTime());
                case GET_BILL_BY_BUS_DATE -> c -> c.billsByBusDate(yesterday, yesterday, target.placeCode(),
                        target.options().billDataType(), 1);
                case CHECK_TOTAL_DATA -> c -> c.checkTotalData(yesterday, target.placeCode(), 1, 10);
                case GET_VALID_BILL_BATCH_CODE -> c -> c.validBillBatchCodes(target.placeCode());
                // the medical platform has no picture service (item 13 reads the bill's own pictureUrl there)
                case GET_EBILL_PIC_URL -> k == null || target.medicalPlatform() ? null
                        : c -> c.pictureUrl(k.billBatchCode(), k.billNo(), k.random());
                default -> throw new IllegalStateException("not a read-only service: " + s);
            };
            if (call != null) {
                out.add(capture(s, call));
            }
        }
        return out;
    }

    private Entry capture(EbillService service, Call call) {
        AtomicReference<JsonNode> sent = new AtomicReference<>(JsonNodeFactory.instance.nullNode());
        EbillClient recording = client.observingRequests((s, business) -> sent.set(JSON.valueToTree(business)));
        OffsetDateTime time = OffsetDateTime.now(clock);
        try {
            EbillResponse r = call.call(recording);
            String sign = r.signProblem().isEmpty() ? "一致" : "不一致";
            String verdict;
            if (!r.success()) {
                verdict = "失败：返回 " + r.resultCode() + " " + masking.mask(r.message());
            } else if (!ReferenceShapes.knows(service.serviceName())) {
                verdict = "已记录（参考资料没有此服务的返回示例，请厂商对照）";
            } else {
                List<String> missing = ReferenceShapes.missingResponseFields(service.serviceName(), r.business());
                verdict = missing.isEmpty() ? PASSED : "字段不符：缺少 " + String.join("、", missing);
            }
            return new Entry(service, time, r.elapsed().toMillis(), 200, masking.mask(sent.get()), r.resultCode(),
                    masking.mask(r.message()), masking.mask(r.business()), sign, verdict);
        } catch (EbillException e) {
            String sign = e.kind() == EbillException.Kind.MALFORMED ? "无法读取" : "无响应";
            return new Entry(service, time, e.elapsed().toMillis(), e.kind() == EbillException.Kind.HTTP_STATUS
                    ? e.httpStatus() : (e.kind() == EbillException.Kind.MALFORMED ? 200 : 0), masking.mask(sent.get()), "",
                    "", JsonNodeFactory.instance.nullNode(), sign, "失败：" + masking.mask(e.getMessage()));
        }
    }

    /** The capture file: the target (appid kept, key and signs never written), then one entry per service. */
    ObjectNode document(List<Entry> entries) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("kind", "ebill-capture");
        doc.put("target", target.name());
        doc.put("platform", target.endpoint().baseUrl() + target.endpoint().servicePath());
        doc.put("appid", target.endpoint().appid());
        doc.put("version", target.endpoint().version());
        doc.put("interfaceVersion", target.options().version().label());
        doc.put("capturedAt", OffsetDateTime.now(clock).toString());
        doc.put("reference", "ebill/reference-shapes.json（按参考资料 ebill-platform.md 手写的请求/响应示例）");
        doc.put("note", "只调用只读服务（未开具、未冲红任何票据）；患者姓名、证件号、电话已脱敏；不含 appKey，签名只写是否一致");
        var list = doc.putArray("services");
        entries.forEach(e -> list.add(e.json()));
        return doc;
    }
}
