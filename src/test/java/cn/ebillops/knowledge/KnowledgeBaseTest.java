package cn.ebillops.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.BotConfigLoader;
import cn.ebillops.config.ConfigException;
import cn.ebillops.duty.DutyAssignment;
import cn.ebillops.duty.DutyLookup;
import cn.ebillops.testsupport.TestBotConfig;
import cn.ebillops.wording.Wording;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Real bot-config/knowledge entries, real in-process embedding model, the configured threshold. */
class KnowledgeBaseTest {

    /** Same value as config/llm.yml knowledge.threshold. */
    static final double THRESHOLD = 0.86;
    static KnowledgeBase kb;

    static ObjectProvider<EmbeddingModel> realModel() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("embeddingModel", new BgeSmallZhV15EmbeddingModel());
        return beans.getBeanProvider(EmbeddingModel.class);
    }

    @BeforeAll
    static void index() {
        kb = new KnowledgeBase(KnowledgeBase.load(TestBotConfig.files()), realModel(), THRESHOLD);
        kb.warmUp();
    }

    @Test
    void loadsEveryShippedEntryWithItsTitleAndNumberedSteps() {
        // the shipped knowledge files by file name and heading; an entry added later may join them
        assertThat(kb.entries()).extracting(KnowledgeEntry::id, KnowledgeEntry::title).contains(
                tuple("01-chonghong", "电子票据冲红（红冲）"),
                tuple("02-huankai-zhizhi", "换开纸质票据"),
                tuple("03-chongxin-tuisong", "重新推送电子票据 / 重发短信"),
                tuple("04-buda", "补打票据"),
                tuple("05-xinzeng-shoufeiyuan", "新增收费员账号"),
                tuple("06-quanxian", "权限设置（角色与菜单）"),
                tuple("07-piaoju-lingyong", "票据领用（纸质票据申领、入库与分发）"),
                tuple("08-duizhang-baobiao", "对账与报表（日结、月底对账）"),
                tuple("09-chaxun-bingren-piaoju", "查询病人的票据"),
                tuple("10-zhizhi-zuofei", "纸质票据作废"),
                tuple("11-hexiao", "票据核销"),
                tuple("12-xiugai-shoujihao", "修改交付手机号"),
                tuple("13-kaipiao-shibai-chuli", "开票失败后收费员怎么处理"),
                tuple("14-bingren-chakan-chayan", "病人如何查看、下载和查验电子票据"),
                tuple("15-mima-zhanghao", "修改密码、账号被锁定"),
                tuple("16-ukey-zhengshu", "签名证书、UKey 到期或更换"));
        assertThat(kb.entries()).allSatisfy(e -> assertThat(e.body()).as(e.id()).contains("1. "));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // the development set's consultation questions
            "怎么给病人重新推送电子票据？|03-chongxin-tuisong",
            "电子票据冲红怎么操作|01-chonghong",
            "换开纸质票据的流程是什么|02-huankai-zhizhi",
            "病人要补打票据怎么办|04-buda",
            "新增收费员账号在哪里设置|05-xinzeng-shoufeiyuan",
            "怎么查询某个病人的所有票据|09-chaxun-bingren-piaoju",
            "票据领用需要谁审批|07-piaoju-lingyong",
            "月底对账应该看哪张报表|08-duizhang-baobiao",
            // paraphrases not written in any keyword line
            "怎么冲红|01-chonghong",
            "退费以后电子票据要怎么处理|01-chonghong",
            "病人说没收到票据短信|03-chongxin-tuisong",
            "病人报销要纸质的怎么弄|02-huankai-zhizhi",
            "新来的收费员怎么开账号|05-xinzeng-shoufeiyuan",
            "每天日结怎么核对|08-duizhang-baobiao",
            "开票失败了病人走了怎么补开|13-kaipiao-shibai-chuli",
            "账号被锁了|15-mima-zhanghao",
            "票据打印卡纸了怎么办|04-buda",
            "作废的纸质票据怎么登记|10-zhizhi-zuofei",
            "病人的电话号码填错了|12-xiugai-shoujihao",
            "签名证书怎么续期|16-ukey-zhengshu",
            "票据核销怎么做|11-hexiao",
            "给收费员开通冲红权限|06-quanxian"})
    void answersHowToQuestionsWithTheRightEntry(String question, String entryId) {
        assertThat(kb.answer(question)).hasValueSatisfying(m -> assertThat(m.entry().id()).isEqualTo(entryId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"今天食堂吃什么", "怎么申请年假", "停车场在哪里", "电脑蓝屏怎么办", "网络断了找谁",
            "怎么调整HIS里的收费项目价格", "医生排班怎么改", "OA系统怎么请假", "HIS挂号怎么退号", "药房库存怎么盘点", "谢谢",
            "如何设置打印机默认纸张", "挂号费怎么收", "医保结算清单怎么打印"})
    void knowsNothingAboutUnrelatedQuestions(String question) {
        assertThat(kb.answer(question)).isEmpty();
    }

    static BotConfig botConfig() {
        return new BotConfigLoader().botConfig(TestBotConfig.files());
    }

    /** A roster that cannot answer (e.g. no holiday file for the year): the engineers of bot-config are named. */
    static final DutyLookup NO_ROSTER = at -> {
        throw new IllegalStateException("no roster");
    };

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void consultationGivesTheStepsAndWhoToAskNext() {
        ConsultationHandler handler = new ConsultationHandler(kb, new WhoToAsk(botConfig(), NO_ROSTER, CLOCK, Wording.defaults()), Wording.defaults());

        String answer = handler.answer("病人要补打票据怎么办");

        assertThat(answer).startsWith("**补打票据**").contains("1. ")
                .contains("仍有问题请联系运维工程师 张工（13800138001）、李工（13800138002）");
    }

    @Test
    void unknownQuestionGetsAnHonestAnswerNamingTheEngineerOnDuty() {
        BotConfig config = botConfig();
        DutyLookup lookup = at -> new DutyAssignment(LocalDate.of(2026, 11, 25), config.person("ligong"),
                Optional.of(config.person("zhanggong")), Optional.empty(), "400-800-1234");
        ConsultationHandler handler = new ConsultationHandler(kb, new WhoToAsk(config, lookup, CLOCK, Wording.defaults()), Wording.defaults());

        String answer = handler.answer("停车场在哪里");

        assertThat(answer).startsWith("我不确定")
                .contains("建议联系今日值班工程师 李工（13800138002），备岗 张工（13800138001），值班热线 400-800-1234");
    }

    @Test
    void brokenDutyRosterFallsBackToTheEngineersOfBotConfig() {
        DutyLookup broken = at -> {
            throw new IllegalStateException("no roster");
        };
        WhoToAsk who = new WhoToAsk(botConfig(), broken, CLOCK, Wording.defaults());

        assertThat(who.contacts()).isEqualTo("运维工程师 张工（13800138001）、李工（13800138002）");
    }

    @Test
    void brokenEmbeddingModelStillGivesAnHonestAnswer() {
        StaticListableBeanFactory noModel = new StaticListableBeanFactory();
        KnowledgeBase broken = new KnowledgeBase(kb.entries(), noModel.getBeanProvider(EmbeddingModel.class), THRESHOLD);
        ConsultationHandler handler = new ConsultationHandler(broken, new WhoToAsk(botConfig(), NO_ROSTER, CLOCK, Wording.defaults()), Wording.defaults());

        assertThat(handler.answer("怎么冲红")).startsWith("知识库暂时无法使用").contains("张工（13800138001）");
    }

    @Test
    void rejectsAnEntryWithoutKeywordLineNamingTheFile() {
        assertThatThrownBy(() -> KnowledgeEntryParser.parse("bad.md", "# 标题\n正文\n1. 步骤"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bot-config/knowledge/bad.md").hasMessageContaining("关键词");
    }

    @Test
    void parsesTitleKeywordsAndBody() {
        KnowledgeEntry e = KnowledgeEntryParser.parse("x.md", "# 冲红\n关键词：冲红，红冲、退费\n\n说明。\n\n## 步骤\n1. 做");
        assertThat(e.id()).isEqualTo("x");
        assertThat(e.title()).isEqualTo("冲红");
        assertThat(e.keywords()).containsExactly("冲红", "红冲", "退费");
        assertThat(e.body()).startsWith("说明。").endsWith("1. 做");
        assertThat(e.summary()).isEqualTo("说明。");
    }
}
