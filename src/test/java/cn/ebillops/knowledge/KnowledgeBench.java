package cn.ebillops.knowledge;

import cn.ebillops.testsupport.TestBotConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Figures for scripts/bench-knowledge.sh: index time, question latency, score margin at the threshold. */
@Tag("bench")
class KnowledgeBench {

    static final List<String> ANSWERABLE = List.of("怎么给病人重新推送电子票据？", "电子票据冲红怎么操作", "换开纸质票据的流程是什么",
            "病人要补打票据怎么办", "新增收费员账号在哪里设置", "怎么查询某个病人的所有票据", "票据领用需要谁审批", "月底对账应该看哪张报表",
            "怎么冲红", "退费以后电子票据要怎么处理", "病人说没收到票据短信", "病人报销要纸质的怎么弄", "新来的收费员怎么开账号",
            "每天日结怎么核对", "开票失败了病人走了怎么补开", "账号被锁了", "票据打印卡纸了怎么办", "作废的纸质票据怎么登记",
            "病人的电话号码填错了", "签名证书怎么续期", "票据核销怎么做", "给收费员开通冲红权限");
    static final List<String> UNANSWERABLE = List.of("今天食堂吃什么", "怎么申请年假", "停车场在哪里", "电脑蓝屏怎么办",
            "网络断了找谁", "怎么调整HIS里的收费项目价格", "医生排班怎么改", "OA系统怎么请假", "HIS挂号怎么退号", "药房库存怎么盘点", "谢谢",
            "如何设置打印机默认纸张", "挂号费怎么收", "医保结算清单怎么打印");

    /** Run from scripts/bench-knowledge.sh (surefire always excludes the bench tag). */
    public static void main(String[] args) {
        new KnowledgeBench().printFigures();
    }

    @Test
    void printFigures() {
        long t0 = System.nanoTime();
        KnowledgeBase kb = new KnowledgeBase(KnowledgeBase.load(TestBotConfig.files()),
                KnowledgeBaseTest.realModel(), KnowledgeBaseTest.THRESHOLD);
        kb.warmUp();
        long indexMs = (System.nanoTime() - t0) / 1_000_000;
        List<Long> latencies = new ArrayList<>();
        double minPositive = 1;
        double maxNegative = 0;
        for (int round = 0; round < 3; round++) {
            for (String q : ANSWERABLE) {
                long s = System.nanoTime();
                double score = kb.search(q, 1).get(0).score();
                latencies.add((System.nanoTime() - s) / 1000);
                minPositive = Math.min(minPositive, score);
            }
            for (String q : UNANSWERABLE) {
                long s = System.nanoTime();
                double score = kb.search(q, 1).get(0).score();
                latencies.add((System.nanoTime() - s) / 1000);
                maxNegative = Math.max(maxNegative, score);
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("BENCH knowledge entries=%d index_ms(model load + embed)=%d%n", kb.entries().size(), indexMs);
        System.out.printf("BENCH question latency_ms p50=%.1f p95=%.1f max=%.1f (n=%d)%n", sorted[sorted.length / 2] / 1000.0,
                sorted[(int) (sorted.length * 0.95)] / 1000.0, Arrays.stream(sorted).max().orElse(0) / 1000.0, sorted.length);
        System.out.printf("BENCH threshold=%.2f min_answerable_score=%.3f max_unanswerable_score=%.3f%n",
                KnowledgeBaseTest.THRESHOLD, minPositive, maxNegative);
    }
}
