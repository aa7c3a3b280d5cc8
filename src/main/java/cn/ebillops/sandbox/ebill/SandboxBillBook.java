package cn.ebillops.sandbox.ebill;

import static cn.ebillops.sandbox.ebill.EbillPlatformStandIn.KNOWN_BATCH;
import static cn.ebillops.sandbox.ebill.EbillPlatformStandIn.PLACE_CODE;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stand-in platform's business side: the bills it knows and what each service does with them
 * (query, issue, red-flush), apart from the envelope, signatures and injected faults of
 * {@link EbillPlatformStandIn}.
 */
final class SandboxBillBook {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final Clock clock;
    private final Supplier<String> baseUrl;
    private final Map<String, SandboxBill> bills = new ConcurrentHashMap<>();
    private final AtomicInteger nextNo = new AtomicInteger(20_000);
    /** State of bills issued from now on (1 normal, 2 void); tests set 2 to see a wrong state handled. */
    private volatile int issuedState = 1;
    /** The outpatient kind's batch list runs empty (票据号段已用完), as a platform shows it. */
    private volatile boolean outpatientBatchesUsedUp;
    /** The state query of a red-flushed bill answers HTTP 500, as one real client notes. */
    private volatile boolean http500ForRedFlushed;

    SandboxBillBook(Clock clock, Supplier<String> baseUrl, SandboxBill seeded) {
        this.clock = clock;
        this.baseUrl = baseUrl;
        bills.put(seeded.key(), seeded);
    }

    int size() {
        return bills.size();
    }

    boolean knows(String key) {
        return bills.containsKey(key);
    }

    void issueWithState(int state) {
        issuedState = state;
    }

    void outpatientBatchesUsedUp(boolean usedUp) {
        outpatientBatchesUsedUp = usedUp;
    }

    void http500ForRedFlushed(boolean on) {
        http500ForRedFlushed = on;
    }

    Optional<Boolean> redFlushed(String billBatchCode, String billNo) {
        return Optional.ofNullable(bills.get(billBatchCode + "/" + billNo)).map(SandboxBill::scarlet);
    }

    record Result(String code, String message) {
        static Result ok(Object business) {
            return new Result("S0000", JSON.writeValueAsString(business));
        }

        static Result error(String code, String text) {
            return new Result(code, text);
        }

        /** Not a platform answer but an HTTP 500 without an envelope. */
        static final Result HTTP_500 = new Result("HTTP500", "");
    }

    Result handle(String service, JsonNode q) {
        return switch (service) {
            case "getEBillStatesByBillInfo" -> find(q).map(b -> b.scarlet() && http500ForRedFlushed ? Result.HTTP_500
                    : Result.ok(Map.of("billBatchCode", b.billBatchCode(), "billNo", b.billNo(), "state", b.state(),
                    "isScarlet", b.scarlet() ? 1 : 0))).orElse(Result.error("E2001", "票据不存在"));
            // the reference: busNo, busDateTime → billBatchCode, billNo, random (no picture URL)
            case "getEBillByBusNo" -> bills.values().stream()
                    .filter(b -> b.busNo().equals(q.path("busNo").asString("")))
                    .findFirst().map(b -> Result.ok(Map.of("billBatchCode", b.billBatchCode(), "billNo", b.billNo(),
                            "random", b.random())))
                    .orElse(Result.error("E2003", "业务流水号对应的票据不存在"));
            case "getBillByBusDate" -> place(q).orElseGet(() -> {
                List<SandboxBill> in = inRange(q);
                int size = Math.max(1, q.path("pageSize").asInt(10));
                int pageNo = Math.max(1, q.path("pageNo").asInt(1));
                List<Map<String, String>> page = in.stream().skip((long) (pageNo - 1) * size).limit(size)
                        .map(b -> Map.of("billBatchCode", b.billBatchCode(), "billNo", b.billNo(), "random", b.random(),
                                "busNo", b.busNo(), "busDateTime", b.busDateTime())).toList();
                return Result.ok(Map.of("total", in.size(), "billList", page));
            });
            case "checkTotalData" -> place(q).orElseGet(() -> totals(q));
            case "getValidBillBatchCode" -> place(q).orElseGet(() -> Result.ok(Map.of("billCodeList", List.of(
                    Map.of("billCode", "0101", "billBatchCodeList", outpatientBatchesUsedUp ? List.of()
                            : List.of(Map.of("billBatchCode", "44010101"))),
                    Map.of("billCode", "0201", "billBatchCodeList", List.of(Map.of("billBatchCode", "44010102")))))));
            case "invoiceEBillOutpatient" -> issue(q);
            case "writeOffEBill" -> writeOff(q);
            // getEBillPicUrl is a standard-platform service: the medical platform does not know it either
            default -> Result.error("E0404", "服务 " + service + " 不存在（演示平台）");
        };
    }

    private Optional<SandboxBill> find(JsonNode q) {
        return Optional.ofNullable(bills.get(q.path("billBatchCode").asString("") + "/" + q.path("billNo").asString("")));
    }

    /** An error result when the issuing point is unknown. */
    private Optional<Result> place(JsonNode q) {
        return PLACE_CODE.equals(q.path("placeCode").asString("")) ? Optional.empty()
                : Optional.of(Result.error("E3001", "开票点 " + q.path("placeCode").asString("") + " 不存在"));
    }

    /** getBillByBusDate: dates of 8 (a whole day) or 17 digits (yyyyMMddHHmmssSSS) compared with busDateTime. */
    private List<SandboxBill> inRange(JsonNode q) {
        String from = pad(q.path("busBgnDate").asString(""), '0');
        String to = pad(q.path("busEndDate").asString(""), '9');
        return bills.values().stream().filter(b -> {
            String t = pad(b.busDateTime(), '0');
            return t.compareTo(from) >= 0 && t.compareTo(to) <= 0;
        }).toList();
    }

    private static String pad(String digits, char with) {
        StringBuilder b = new StringBuilder(digits.length() > 17 ? digits.substring(0, 17) : digits);
        while (b.length() < 17) {
            b.append(with);
        }
        return b.toString();
    }

    /** checkTotalData asks for one day (busDate yyyyMMdd) and answers that day's bills only. */
    private Result totals(JsonNode q) {
        String day = q.path("busDate").asString("");
        if (!day.matches("\\d{8}")) {
            return Result.error("E3002", "busDate 必须为 yyyyMMdd 格式的业务日期");
        }
        List<SandboxBill> in = bills.values().stream().filter(b -> b.busDateTime().startsWith(day)).toList();
        BigDecimal total = in.stream().map(SandboxBill::totalAmt).reduce(BigDecimal.ZERO, BigDecimal::add);
        int size = Math.max(1, q.path("pageSize").asInt(10));
        int pageNo = Math.max(1, q.path("pageNo").asInt(1));
        List<SandboxBill> page = in.stream().skip((long) (pageNo - 1) * size).limit(size).toList();
        BigDecimal pageAmt = page.stream().map(SandboxBill::totalAmt).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Result.ok(Map.of("allTotalNum", in.size(), "allTotalAmt", total, "copyNum", page.size(),
                "totalNum", page.size(), "totalAmt", pageAmt,
                "billNoList", page.stream().map(b -> Map.of("billBatchCode", b.billBatchCode(), "billNo", b.billNo())).toList()));
    }

    private Result issue(JsonNode q) {
        String busNo = q.path("busNo").asString("");
        if (busNo.isEmpty() || bills.values().stream().anyMatch(b -> b.busNo().equals(busNo))) {
            return Result.error("E4001", "业务流水号为空或重复");
        }
        if (place(q).isPresent()) {
            return place(q).get();
        }
        BigDecimal total = q.path("totalAmt").decimalValue(BigDecimal.ZERO);
        BigDecimal paid = BigDecimal.ZERO;
        for (JsonNode p : q.path("payChannelDetail")) {
            paid = paid.add(new BigDecimal(p.path("payChannelValue").asString("0")));
        }
        if (total.signum() <= 0 || total.compareTo(paid) != 0) {
            return Result.error("E4002", "交费渠道金额之和与票据总金额不一致");
        }
        String busTime = q.path("busDateTime").asString(TS.format(LocalDateTime.now(clock)));
        SandboxBill b = new SandboxBill(KNOWN_BATCH, "%010d".formatted(nextNo.incrementAndGet()),
                UUID.randomUUID().toString().substring(0, 6), busNo, busTime, PLACE_CODE, total, issuedState, false);
        bills.put(b.key(), b);
        return Result.ok(Map.of("billBatchCode", b.billBatchCode(), "billNo", b.billNo(), "random", b.random(),
                "createTime", TS.format(LocalDateTime.now(clock)), "billQRCode", "", "pictureUrl", pictureUrl(b),
                "pictureNetUrl", pictureUrl(b)));
    }

    private Result writeOff(JsonNode q) {
        Optional<SandboxBill> found = find(q);
        if (found.isEmpty()) {
            return Result.error("E2001", "票据不存在");
        }
        SandboxBill b = found.get();
        if (b.scarlet()) {
            return Result.error("E5001", "票据已冲红，不能重复冲红");
        }
        bills.put(b.key(), b.redFlushed());
        String redNo = "%010d".formatted(nextNo.incrementAndGet());
        return Result.ok(Map.of("eScarletBillBatchCode", KNOWN_BATCH, "eScarletBillNo", redNo,
                "eScarletRandom", UUID.randomUUID().toString().substring(0, 6),
                "createTime", TS.format(LocalDateTime.now(clock)), "pictureUrl", pictureUrl(b), "pictureNetUrl", pictureUrl(b)));
    }

    private String pictureUrl(SandboxBill b) {
        return baseUrl.get() + "/pic/" + b.billBatchCode() + "-" + b.billNo() + ".png";
    }
}
