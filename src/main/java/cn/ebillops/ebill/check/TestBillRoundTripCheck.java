package cn.ebillops.ebill.check;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.EbillClient;
import cn.ebillops.ebill.EbillException;
import cn.ebillops.ebill.EbillResponse;
import cn.ebillops.inspection.CheckStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;

/**
 * Item 12 on a target marked {@code testEnvironment: true}: issue a 0.01 outpatient bill, query it,
 * red-flush it and query again. It writes a real bill, so it declares {@link #writesToTarget()}:
 * availability probes and incident diagnoses never run it, an inspection runs it once, and at most
 * {@code testBillsPerDay} times a day per target (counted in {@link TestBillLedger}, which survives a
 * restart). Every test bill is recorded and named in the evidence, which the Word report prints.
 */
class TestBillRoundTripCheck extends EbillCheck {

    static final DateTimeFormatter BUS_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;
    private final TestBillLedger ledger;
    private final TestBill bills;
    /** The evidence line naming this run's test bill (empty: none issued); set by {@link #probe}. */
    private volatile String testBillLine = "";

    TestBillRoundTripCheck(EbillTarget target, EbillClient client, PiiMasker masker, Clock clock, TestBillLedger ledger) {
        super(target, client, masker, 12);
        this.clock = clock;
        this.ledger = ledger;
        this.bills = new TestBill(target);
    }

    @Override
    protected String kindId() {
        return "ebill-test-bill";
    }

    @Override
    public String name() {
        return "票据开具（测试环境开具→查询→冲红）";
    }

    @Override
    public boolean writesToTarget() {
        return true;
    }

    @Override
    protected int calls() {
        return 4;
    }

    @Override
    protected Outcome probe(Trace trace) throws Exception {
        testBillLine = "";
        Instant now = clock.instant();
        LocalDateTime local = LocalDateTime.ofInstant(now, clock.getZone());
        String busDateTime = BUS_TIME.format(local);
        // unique even for two runs in one millisecond (the platform refuses a repeated busNo)
        String busNo = "XJ" + busDateTime + "%04d".formatted(java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000));
        Instant dayStart = LocalDate.ofInstant(now, clock.getZone()).atStartOfDay(clock.getZone()).toInstant();
        OptionalLong reserved = ledger.reserve(target.name(), busNo, now, dayStart, target.testBillsPerDay());
        if (reserved.isEmpty()) {
            return new Outcome(CheckStatus.WARN, "今日已开具 %d 张测试票据（上限 testBillsPerDay: %d），本次未开具，开具→冲红全流程本次未验证"
                    .formatted(ledger.countSince(target.name(), dayStart), target.testBillsPerDay()),
                    "测试票据已达每日上限：明日巡检会再次验证；确需今日再验证，请调高该目标的 testBillsPerDay。");
        }
        long id = reserved.getAsLong();
        EbillResponse issued = ok(trace, () -> client.issueOutpatient(bills.body(busNo, local)));
        String batch = issued.field("billBatchCode");
        String no = issued.field("billNo");
        trace.put("测试票据", batch + "/" + no);
        if (batch.isEmpty() || no.isEmpty()) {
            return new Outcome(CheckStatus.FAIL, "开具返回 S0000 但缺少 billBatchCode/billNo（业务流水号 %s）".formatted(busNo),
                    "开票结果不完整：请联系平台厂商检查开具接口，并按业务流水号 %s 核查是否已生成票据。".formatted(busNo));
        }
        ledger.issued(id, batch, no);
        testBillLine = line(batch, no, local, "未冲红——请在平台手工冲红");
        try {
            return queryAndRedFlush(trace, id, batch, no, local);
        } catch (Exception e) {
            // the test bill is a real document on the test platform: name it for a manual red-flush
            if (!testBillLine.contains("已冲红")) {
                trace.put("待处理", "测试票据 %s/%s 已开具但未冲红，请在平台手工冲红".formatted(batch, no));
            }
            throw e;
        }
    }

    private Outcome queryAndRedFlush(Trace trace, long id, String batch, String no, LocalDateTime local) throws Exception {
        EbillResponse state = ok(trace, () -> client.billState(batch, no));
        if (!"1".equals(state.field("state"))) {
            String problem = "新开票据 %s/%s 状态为 %s，应为正常".formatted(batch, no, BillIssuanceCheck.stateLabel(state.field("state")));
            return redFlushAfterWrongState(trace, id, batch, no, local, problem);
        }
        EbillResponse red = writeOff(trace, batch, no);
        ledger.redFlushed(id, red.field("eScarletBillNo"));
        testBillLine = line(batch, no, local, "已冲红，冲红票据 " + red.field("eScarletBillNo"));
        trace.put("冲红票据", red.field("eScarletBillBatchCode") + "/" + red.field("eScarletBillNo"));
        EbillResponse after;
        try {
            after = ok(trace, () -> client.billState(batch, no));
        } catch (EbillException e) {
            if (e.httpStatus() != 500) {
                throw e;
            }
            // real platforms may answer HTTP 500 for the state of a red-flushed bill: evidence, not a failure
            trace.record(e.service(), e.elapsed(), "HTTP 500");
            return Outcome.ok("测试环境开具 %s/%s → 查询正常 → 冲红 %s → 冲红后状态查询返回 HTTP 500（真实平台对已冲红票据的已知表现，视为已冲红），全流程通过"
                    .formatted(batch, no, red.field("eScarletBillNo")));
        }
        if (!"1".equals(after.field("isScarlet"))) {
            return new Outcome(CheckStatus.FAIL, "测试票据 %s/%s 冲红后查询仍显示未冲红".formatted(batch, no),
                    "冲红未生效：请在平台核查测试票据 %s/%s 并手工冲红。".formatted(batch, no));
        }
        return Outcome.ok("测试环境开具 %s/%s → 查询正常 → 冲红 %s → 查询已冲红，全流程通过"
                .formatted(batch, no, red.field("eScarletBillNo")));
    }

    private EbillResponse writeOff(Trace trace, String batch, String no) throws EbillException, BusinessFailure {
        return ok(trace, () -> client.writeOff(batch, no, "运维巡检测试票据冲红", target.operator(),
                BUS_TIME.format(LocalDateTime.now(clock)), target.placeCode()));
    }

    /**
     * The test bill exists on the platform even though its state is wrong: red-flush it anyway,
     * so no 0.01 bill is left open, and when that fails say which bill needs a manual red-flush.
     */
    private Outcome redFlushAfterWrongState(Trace trace, long id, String batch, String no, LocalDateTime at, String problem) {
        try {
            EbillResponse red = writeOff(trace, batch, no);
            ledger.redFlushed(id, red.field("eScarletBillNo"));
            testBillLine = line(batch, no, at, "已冲红，冲红票据 " + red.field("eScarletBillNo"));
            trace.put("冲红票据", red.field("eScarletBillBatchCode") + "/" + red.field("eScarletBillNo"));
            return new Outcome(CheckStatus.FAIL, problem + "；该测试票据已照常冲红（冲红票据 %s/%s）"
                    .formatted(red.field("eScarletBillBatchCode"), red.field("eScarletBillNo")),
                    "新开具的票据状态异常：请在平台核查测试票据 %s/%s 的状态。".formatted(batch, no));
        } catch (EbillException | BusinessFailure e) {
            String open = "测试票据 %s/%s 已开具但未冲红，请在平台手工冲红".formatted(batch, no);
            trace.put("待处理", open);
            return new Outcome(CheckStatus.FAIL, problem + "；随后冲红失败（%s）：%s".formatted(describe(e), open),
                    "新开具的票据状态异常且未能自动冲红：请在平台核查并手工冲红测试票据 %s/%s。".formatted(batch, no));
        }
    }

    private static String line(String batch, String no, LocalDateTime at, String state) {
        return "本次巡检开具的测试票据：%s/%s（开具 %s，%s）".formatted(batch, no, SHOWN.format(at), state);
    }

    @Override
    protected String evidenceNote() {
        String offLoopback = target.issuesBillsOffLoopback()
                ? "注意：本目标地址 %s 不是本机，却设置了 testEnvironment: true——巡检会在该平台真实开具并冲红 0.01 元票据（每日至多 %d 张）。若这是生产平台，请立即改为 false。"
                        .formatted(target.endpoint().baseUrl().getHost(), target.testBillsPerDay())
                : "";
        return String.join("\n", java.util.stream.Stream.of(testBillLine, offLoopback).filter(s -> !s.isEmpty()).toList());
    }
}
