package cn.ebillops.assistant.nlu;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.testsupport.TestBotConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract's rules (scope, negation, severity, area, slash commands) on their own, and the intents the
 * shipped classifier reads for sentences taken from neither the training nor the unseen sets.
 */
class ClassificationRulesTest {

    /** The rules see what the classifier gives them: the shipped normaliser's output. */
    private static final Normaliser NORMALISER = Normaliser.load(TestBotConfig.files());

    private static String n(String text) {
        return NORMALISER.normalise(text);
    }

    /** Intents are the trained model's now, not hand rules: these sentences go through the shipped classifier. */
    private static java.util.Optional<Intent> intentOf(String text) {
        return java.util.Optional.of(TestClassifiers.shared().classify(text).intent());
    }

    private static Severity severity(String text) {
        String t = n(text);
        return SeverityRules.severityOf(t, AreaRules.areaOf(t).orElse(Area.SYSTEM), Scope.of(t));
    }

    @Nested
    class ScopeWords {

        @ParameterizedTest
        @CsvSource({"全院收费处都开不出票了", "所有病人的短信都没发出去", "全部科室的票据都存档失败", "整个住院部都签不了名"})
        void broadWordsMeanEveryone(String text) {
            assertThat(Scope.of(n(text)).broad()).isTrue();
            assertThat(Scope.of(n(text)).limited()).isFalse();
        }

        @ParameterizedTest
        @CsvSource({"7号窗口打不出票", "某个收费员冲红报错", "一台电脑开票失败", "个别病人收不到推送", "有一张票据存档失败"})
        void singleWordsLimitTheFaultToOne(String text) {
            assertThat(Scope.of(n(text)).limited()).isTrue();
        }

        @Test
        void broadFaultOfACoreFunctionIsLevelTwoAndSingleOneLevelThree() {
            assertThat(severity("所有病人的票据短信都发不出去")).isEqualTo(Severity.II);
            assertThat(severity("有个病人的票据短信发不出去")).isEqualTo(Severity.III);
            assertThat(severity("整个门诊开票都失败")).isEqualTo(Severity.II);
            assertThat(severity("8号窗口开票失败")).isEqualTo(Severity.III);
        }
    }

    @Nested
    class Negation {

        @ParameterizedTest
        @CsvSource({"2号窗口开票报错，其余窗口都正常", "我这开不了票，别的电脑都可以",
                "一个病人收不到短信，其他病人都没问题", "就她的账号登不上，其他人都能登录"})
        void contrastClauseLimitsTheFaultDespiteItsAllWord(String text) {
            Scope scope = Scope.of(n(text));
            assertThat(scope.limited()).isTrue();
            assertThat(severity(text)).isEqualTo(Severity.III);
        }

        @Test
        void othersAlsoFailingIsNotAContrast() {
            assertThat(Scope.of(n("其他窗口也都开不了票")).broad()).isTrue();
        }
    }

    @Nested
    class FollowUps {

        @ParameterizedTest
        @CsvSource({"问题依然存在", "现在恢复了吗", "OK了，能正常开票了", "已经好了", "维修的工程师几点到",
                "那个推送的问题有消息没", "刚才说的存档故障处理得怎么样了", "恢复正常了，谢谢大家"})
        void followUpsOnAReportedProblemAreIncidentFollowUps(String text) {
            assertThat(intentOf((text))).contains(Intent.INCIDENT_FOLLOWUP);
        }

        @Test
        void aNewFaultThatCannotBeUsedIsNotAFollowUp() {
            assertThat(intentOf(("票据系统不能用了"))).contains(Intent.FAULT_REPORT);
        }
    }

    @Nested
    class ThanksAndSmallTalk {

        @ParameterizedTest
        @CsvSource({"谢谢李工", "好的收到", "感谢感谢！", "辛苦啦", "嗯嗯好的", "您好", "今天下雨了"})
        void thanksOnlyAndSmallTalkAreOther(String text) {
            assertThat(intentOf((text))).contains(Intent.OTHER);
        }

        @ParameterizedTest
        @CsvSource({"宕机了", "卡了", "又慢了啊"})
        void shortSymptomsWithParticlesAreNotSmallTalk(String text) {
            assertThat(intentOf((text))).contains(Intent.FAULT_REPORT);
        }

        @Test
        void emojiOnlyIsOther() {
            assertThat(intentOf(("🙏🙏"))).contains(Intent.OTHER);
        }
    }

    @Nested
    class OtherIntents {

        @ParameterizedTest
        @CsvSource({
            "下周一谁值班, DUTY_QUERY",
            "帮忙把签名服务器巡检一遍, INSPECTION_REQUEST",
            "麻烦检查下数据库备份, INSPECTION_REQUEST",
            "验签服务现在正常吗, STATUS_QUERY",
            "UKey证书还有多久到期, STATUS_QUERY",
            "作废的票据在哪里查, CONSULTATION",
            "换开纸质票据需要什么材料, CONSULTATION",
            "开票一直报错怎么回事, FAULT_REPORT",
            "签名服务挂了吗？全部开不了票, FAULT_REPORT",
            "帮我看看验签服务器, INSPECTION_REQUEST"
        })
        void cueWordsDecideTheIntent(String text, Intent intent) {
            assertThat(intentOf((text))).contains(intent);
        }
    }

    @Nested
    class Areas {

        @ParameterizedTest
        @CsvSource({
            "开票的时候提示验签失败, SIGNING",
            "HIS那边调用超时导致开不出票, INTERFACE",
            "开票提示票据号段已用完, MANAGEMENT",
            "开完票没生成OFD文件, ARCHIVE",
            "账号没有报表查询权限, ADMIN",
            "统计报表的数和HIS不一致, REPORT",
            "病人的微信收不到票据, DELIVERY",
            "换开的时候提示失败, ISSUANCE",
            "门诊收费系统调用票据接口报错, INTERFACE"
        })
        void theNamedCauseDecidesTheArea(String text, Area area) {
            assertThat(AreaRules.areaOf(n(text))).contains(area);
        }
    }

    @Nested
    class GeneralCues {

        @Test
        void anErrorCodeStillThereAfterAnActionIsAFollowUp() {
            assertThat(intentOf(("清了缓存之后还是504"))).contains(Intent.INCIDENT_FOLLOWUP);
        }

        @Test
        void askingHowAProcedureGoesIsAConsultation() {
            assertThat(intentOf(("换开的步骤是怎么样的"))).contains(Intent.CONSULTATION);
            assertThat(intentOf(("领用需要主任签字吗"))).contains(Intent.CONSULTATION);
            assertThat(intentOf(("验签服务器状态怎么样"))).contains(Intent.STATUS_QUERY);
        }

        @Test
        void theSystemNamedAsSlowIsWholeSystemSlowness() {
            assertThat(AreaRules.areaOf(n("平台这两天特别慢，开票要等半天"))).contains(Area.SYSTEM);
            assertThat(AreaRules.areaOf(n("开票很慢"))).contains(Area.ISSUANCE);
        }

        @Test
        void openingTheBillSystemIsNotIssuingABill() {
            assertThat(AreaRules.areaOf(n("我电脑打不开票据系统"))).contains(Area.SYSTEM);
            assertThat(AreaRules.areaOf(n("打不开票"))).isNotEqualTo(java.util.Optional.of(Area.ISSUANCE));
        }

        @Test
        void collapseWordsAreFaults() {
            assertThat(intentOf(("票据系统瘫了"))).contains(Intent.FAULT_REPORT);
        }

        @Test
        void waitingMinutesAndNoWayToLogInAreFaults() {
            assertThat(intentOf(("打开票据系统要等三分钟"))).contains(Intent.FAULT_REPORT);
            assertThat(intentOf(("门诊和体检都没法登录票据系统"))).contains(Intent.FAULT_REPORT);
        }

        @Test
        void askingHowToCheckIsAConsultation() {
            assertThat(intentOf(("如何查询短信有没有发出去"))).contains(Intent.CONSULTATION);
            assertThat(intentOf(("短信有没有发出去"))).isNotEqualTo(java.util.Optional.of(Intent.CONSULTATION));
        }

        @Test
        void sluggishIsSlowness() {
            assertThat(intentOf(("票据系统反应迟钝"))).contains(Intent.FAULT_REPORT);
            assertThat(severity("票据系统反应迟钝")).isEqualTo(Severity.III);
        }

        @Test
        void askingWhetherSomethingCanBeRestoredIsNotAFollowUp() {
            assertThat(intentOf(("删掉的号段还能恢复吗"))).isNotEqualTo(java.util.Optional.of(Intent.INCIDENT_FOLLOWUP));
            assertThat(intentOf(("推送恢复了吗"))).contains(Intent.INCIDENT_FOLLOWUP);
        }

        @Test
        void aDuplicateBillNumberIsAnIssuanceFault() {
            assertThat(AreaRules.areaOf(n("刚开的两张票票号重复了"))).contains(Area.ISSUANCE);
            assertThat(AreaRules.areaOf(n("领用的号段重复"))).contains(Area.MANAGEMENT);
        }
    }

    @Nested
    class Severities {

        @ParameterizedTest
        @CsvSource({"数据库报ORA-01578数据块损坏", "票据服务器宕机", "宕机了", "全院都登不进电子票据系统", "整个票据平台瘫痪了"})
        void wholeSystemUnusableIsLevelOne(String text) {
            assertThat(severity(text)).isEqualTo(Severity.I);
        }

        @ParameterizedTest
        @CsvSource({"整家医院都开不出票了", "所有收费电脑登录票据系统都报连接超时"})
        void hospitalWideIssuingOrLoginFailureIsLevelOne(String text) {
            assertThat(severity(text)).isEqualTo(Severity.I);
        }

        @ParameterizedTest
        @CsvSource({"开不出票", "票据开具失败", "签名服务器连接不上", "HIS调用开票接口失败", "存档PDF生成失败"})
        void unscopedCoreFunctionFailureIsLevelTwo(String text) {
            assertThat(severity(text)).isEqualTo(Severity.II);
        }

        @ParameterizedTest
        @CsvSource({"签名服务响应慢", "某个收费员的UKey坏了", "报表打不开", "我的密码被重置了登不上", "系统用起来有点卡"})
        void slownessSingleKeyReportAndAccountAreLevelThree(String text) {
            assertThat(severity(text)).isEqualTo(Severity.III);
        }

        @Test
        void onePatientMissingABillIsLevelThreeButSendingFailingIsLevelTwo() {
            assertThat(severity("病人说微信里找不到票据")).isEqualTo(Severity.III);
            assertThat(severity("住院病人的票据短信推送不出去")).isEqualTo(Severity.II);
        }

        @Test
        void runningOutOfNumbersIsLevelTwoOnlyWhenItStopsIssuing() {
            assertThat(severity("开票时提示号段用完")).isEqualTo(Severity.II);
            assertThat(severity("领用时提示库存不足")).isEqualTo(Severity.III);
        }

        @Test
        void aHospitalSystemDownIsNotTheEbillSystemDown() {
            assertThat(severity("门诊收费系统挂了")).isEqualTo(Severity.II);
            assertThat(severity("收费处的票据系统打不开了")).isEqualTo(Severity.I);
        }

        @ParameterizedTest
        @CsvSource({"票据服务器半夜自动关机了", "电子票据应用服务停掉了", "票据网站一直报500", "票据服务器没响应了",
            "电子票据全都无法访问", "全院的票据都停了", "票据系统登录页打开了，可是全院没人能登进去"})
        void newWordsForTheWholeSystemBeingUnusableAreLevelOne(String text) {
            assertThat(severity(text)).isEqualTo(Severity.I);
        }

        @ParameterizedTest
        @CsvSource({"电子票据整体停摆", "票据平台瘫掉了", "票据服务器网络ping不通", "数据库连接异常，开不了票",
            "票据系统页面404", "电子票据报错，各科室都一样", "登录页面打不开，所有收费员都进不来"})
        void moreWordsForTheWholeSystemBeingUnusableAreLevelOne(String text) {
            assertThat(severity(text)).isEqualTo(Severity.I);
        }

        @ParameterizedTest
        @CsvSource({"票据平台趴窝了", "电子票据服务器歇菜了", "票据系统完蛋了，什么都干不了"})
        void colloquialOutageWordsAreLevelOne(String text) {
            assertThat(intentOf((text))).contains(Intent.FAULT_REPORT);
            assertThat(severity(text)).isEqualTo(Severity.I);
        }

        @ParameterizedTest
        @CsvSource({"oracle重启后一直没起来", "全院收费处都出不了票", "票据服务器所在机房停电了", "所有机器进票据系统都是空白页"})
        void powerLossRestartsThatNeverEndAndBlankPagesEverywhereAreLevelOne(String text) {
            assertThat(severity(text)).isEqualTo(Severity.I);
        }

        @ParameterizedTest
        @CsvSource({"电子票据平台彻底没法使用了", "票据业务系统中断", "票据服务器也没了", "数据库主机被误删了",
            "急诊、门诊都没法登录票据系统", "数据库断了，全停了"})
        void unusableInterruptedGoneAndSeveralDepartmentsAreLevelOne(String text) {
            assertThat(severity(text)).isEqualTo(Severity.I);
        }

        @Test
        void theWholeSystemUnreachableIsLevelOneButOtherSystemFaultsAreNot() {
            assertThat(severity("网页访问不了")).isEqualTo(Severity.I);
            assertThat(severity("系统页面上的按钮点不了")).isEqualTo(Severity.II);
            assertThat(severity("网页显示不全")).isEqualTo(Severity.III);
        }

        @ParameterizedTest
        @CsvSource({"票据系统报错，任何窗口都一样", "票据平台连接数据库失败", "所有业务都办不了了，票据系统报错"})
        void everyWindowTheDatabaseUnreachableOrAllBusinessStoppedIsLevelOne(String text) {
            assertThat(severity(text)).isEqualTo(Severity.I);
        }

        @Test
        void aBareOthersAreFineDoesNotLimitTheFaultToOne() {
            assertThat(severity("验签服务停了，其余正常")).isEqualTo(Severity.II);
            assertThat(severity("验签服务停了，其余窗口正常")).isEqualTo(Severity.III);
        }

        @ParameterizedTest
        @CsvSource({"票据平台下线了", "停电跳闸，票据服务器离线", "票据服务器挂得很彻底"})
        void offlineTrippedAndThoroughlyDownAreLevelOne(String text) {
            assertThat(severity(text)).isEqualTo(Severity.I);
        }

        @Test
        void oneComputersNetworkIsASystemFaultOfLevelThree() {
            assertThat(AreaRules.areaOf(n("我电脑网络掉线了"))).contains(Area.SYSTEM);
            assertThat(severity("我电脑网络掉线了")).isEqualTo(Severity.III);
        }

        @Test
        void pluralStaffAllFailingToLogInIsLevelOne() {
            assertThat(severity("护士们都登不进票据系统")).isEqualTo(Severity.I);
        }

        @Test
        void stuckAtAStepIsAFailureNotSlowness() {
            assertThat(severity("门诊开票全都卡在验签那里")).isEqualTo(Severity.II);
        }

        @Test
        void oneUserUnableToLogInIsStillLevelThree() {
            assertThat(severity("我没法登录")).isEqualTo(Severity.III);
            assertThat(severity("系统里的票据没了")).isNotEqualTo(Severity.I);
        }

        @Test
        void everyoneFailingAtOneNamedPartIsThatPartsFault() {
            assertThat(severity("全院的报表都打不开")).isEqualTo(Severity.III);
            assertThat(severity("所有科室的短信推送都打不开")).isNotEqualTo(Severity.I);
        }

        @Test
        void messagesNotSentToPatientsFailForEveryone() {
            assertThat(severity("患者的票据推送今天都没发出去")).isEqualTo(Severity.II);
        }

        @Test
        void notEvenOneBillMeansNoneRatherThanOne() {
            assertThat(severity("急诊所有窗口一张票都开不出来")).isEqualTo(Severity.II);
            assertThat(severity("某个收费员一张票都开不了")).isEqualTo(Severity.III);
        }

        @ParameterizedTest
        @CsvSource({"那位患者的票据短信没收到", "赵某某的票据推送没收到", "张阿姨的电子票据打不开"})
        void oneNamedPatientIsLevelThree(String text) {
            assertThat(severity(text)).isEqualTo(Severity.III);
        }

        @Test
        void aDeniedOutageDoesNotMakeTheSystemDown() {
            assertThat(severity("服务器没有宕机，可是门诊所有收费员开票都失败")).isEqualTo(Severity.II);
            assertThat(severity("票据系统是不是挂了，全院都进不去")).isEqualTo(Severity.I);
        }

        @Test
        void aDeniedBroadWordLeavesTheFaultToOne() {
            assertThat(severity("并不是所有窗口，只有7号窗口开票失败")).isEqualTo(Severity.III);
        }

        @Test
        void anotherFeatureWorkingDoesNotLimitTheFaultToOnePlace() {
            assertThat(severity("签名服务停止了，其他功能都还能用")).isEqualTo(Severity.II);
            assertThat(severity("签名验签服务器的服务宕了")).isEqualTo(Severity.II);
        }

        @Test
        void onePersonsOwnCertificateIsLevelThree() {
            assertThat(severity("李护士的证书过期了签不了名")).isEqualTo(Severity.III);
        }

        @Test
        void aWholeFeatureFailingIsNotOneBillOperation() {
            assertThat(severity("红冲模块打不开")).isEqualTo(Severity.II);
            assertThat(severity("红冲报错")).isEqualTo(Severity.III);
        }

        @Test
        void signingServerDownIsLevelTwoWhileTheEbillSystemIsUp() {
            assertThat(severity("签名验签服务器宕机了")).isEqualTo(Severity.II);
            assertThat(severity("验签服务部分功能失败")).isEqualTo(Severity.II);
        }
    }

    /** General cues added after blind13/blind14 (sentences here are new, not taken from those sets). */
    @Nested
    class DialectNobodyAndHypotheticals {

        @Test
        void hakkaAndCantoneseWordsReadAsMandarin() {
            assertThat(n("成个系统冇得用")).isEqualTo("整个系统没得用");
            assertThat(severity("电子票据系统冇得用啦")).isEqualTo(Severity.I);
            assertThat(severity("住院处开唔到票")).isEqualTo(Severity.II);
        }

        @Test
        void nobodyGettingInIsEveryoneNotOnePerson() {
            assertThat(Scope.of(n("没有一个人登得进去")).wholeHospital()).isTrue();
            assertThat(Scope.of(n("没有一个人登得进去")).limited()).isFalse();
            assertThat(severity("数据库连接池已满，系统进不去")).isEqualTo(Severity.I);
        }

        @Test
        void aPartSaidToWorkNamesNoArea() {
            assertThat(AreaRules.areaOf(n("系统能正常登录，就是开票报错"))).contains(Area.ISSUANCE);
            assertThat(AreaRules.areaOf(n("登录密码错误"))).contains(Area.ADMIN);
        }

        @Test
        void aBillNumberNamingOneBillIsNotTheNumberRange() {
            assertThat(AreaRules.areaOf(n("票号00088812冲红报错"))).contains(Area.ISSUANCE);
            assertThat(AreaRules.areaOf(n("领用的票号段不连续"))).contains(Area.MANAGEMENT);
            assertThat(AreaRules.areaOf(n("提示无可用票号"))).contains(Area.MANAGEMENT);
        }

        @Test
        void aBareDuWithOnePlaceNamedDoesNotMakeItBroad() {
            assertThat(Scope.of(n("5号窗口打印的票据，字都歪了")).limited()).isTrue();
            assertThat(Scope.of(n("5号窗口和所有自助机都打不出票")).limited()).isFalse();
        }

        @Test
        void theNeighbourWorkingLimitsTheFault() {
            assertThat(severity("8号窗口开票报错，隔壁窗口都好的")).isEqualTo(Severity.III);
        }

        @Test
        void aSigningServersOwnServiceStoppingIsNotAnOutage() {
            assertThat(severity("验签服务器上的服务停了")).isEqualTo(Severity.II);
        }

        @Test
        void howToHandleAFutureFaultIsAConsultation() {
            assertThat(intentOf(("如何给新收费员设置不能冲红的权限"))).contains(Intent.CONSULTATION);
            assertThat(intentOf(("签名服务器连不上"))).contains(Intent.FAULT_REPORT);
        }

        @Test
        void askingWhetherThereAreErrorsIsNotReportingOne() {
            assertThat(intentOf(("帮忙巡检一下，看看日志有没有报错"))).contains(Intent.INSPECTION_REQUEST);
        }

        @Test
        void anAcknowledgementSayingWhatWasPassedOnIsOther() {
            assertThat(intentOf(("好的，错误截图已经发给张工了"))).contains(Intent.OTHER);
            assertThat(intentOf(("好的，已经告诉张工了，但还是开不了票"))).isNotEqualTo(java.util.Optional.of(Intent.OTHER));
        }

        @Test
        void notEvenOneWithWordsBetweenIsNotOneBill() {
            assertThat(Scope.of(n("一张住院票据都打不出来")).limited()).isFalse();
            assertThat(severity("推送平台一条短信都没发出去")).isEqualTo(Severity.II);
        }

        @Test
        void aServiceNamedByItsPartIsThatPartNotTheSystem() {
            assertThat(severity("PDF文件生成服务停了")).isEqualTo(Severity.II);
            assertThat(severity("票据服务停了")).isEqualTo(Severity.I);
        }

        @Test
        void theWholeSystemSlowIsSystemEvenWhenAMenuIsNamed() {
            assertThat(AreaRules.areaOf(n("系统整体很慢，打开菜单要等半天"))).contains(Area.SYSTEM);
            assertThat(AreaRules.areaOf(n("报表系统很慢"))).contains(Area.REPORT);
        }

        @Test
        void doingWhatTheEngineerSaidIsAFollowUp() {
            assertThat(intentOf(("照你说的重新登录了，还是报错"))).contains(Intent.INCIDENT_FOLLOWUP);
        }

        @Test
        void aClauseSayingSomethingWorksOrAStepAlreadyTriedNamesNoArea() {
            assertThat(AreaRules.areaOf(n("推送全部失败，登录和查询都正常"))).contains(Area.DELIVERY);
            assertThat(AreaRules.areaOf(n("3号窗口冲红报错，退出重新登录也一样"))).contains(Area.ISSUANCE);
        }

        @Test
        void contentAllWrongOnOneNamedPrinterIsStillOnePlace() {
            assertThat(Scope.of(n("7号窗口打出来的金额全部偏了")).limited()).isTrue();
        }

        @Test
        void somethingAboutToRunOutIsAQuestionNotAFault() {
            assertThat(intentOf(("CA证书快到期了，续期要走什么流程"))).contains(Intent.CONSULTATION);
            assertThat(intentOf(("万一验签服务器挂了，收费处要怎么开票"))).contains(Intent.CONSULTATION);
        }

        @Test
        void wishesMentioningDutyAreNotADutyQuestion() {
            assertThat(intentOf(("国庆谁值班"))).contains(Intent.DUTY_QUERY);
        }

        @Test
        void anotherHospitalsOutageIsNotOurs() {
            assertThat(intentOf(("听说别的医院票据平台挂了，咱们这边正常吗"))).contains(Intent.STATUS_QUERY);
        }

        @Test
        void askingWhetherSomeoneIsOnlineAroundTheClockIsADutyQuestion() {
            assertThat(intentOf(("周末出问题的话你们有人在线吗"))).contains(Intent.DUTY_QUERY);
        }

        @Test
        void aReplySayingTheMessageWillBePassedOnIsOther() {
            assertThat(intentOf(("好的，我跟财务科说一下"))).contains(Intent.OTHER);
        }

        @Test
        void aDisplayContradictingAMessageIsAFault() {
            assertThat(intentOf(("提示已经推送成功，但病人手机上显示没有票据"))).contains(Intent.FAULT_REPORT);
        }

        @Test
        void notAFaultNow() {
            assertThat(intentOf(("作废的票据怎么查询"))).contains(Intent.CONSULTATION);
            assertThat(intentOf(("月底结算多，服务器会不会撑不住，现在状态怎么样"))).contains(Intent.STATUS_QUERY);
            assertThat(intentOf(("证书下个月到期，到时候怎么更换"))).contains(Intent.CONSULTATION);
        }

        @Test
        void somethingSetUpIsNotSomethingFixed() {
            assertThat(intentOf(("新工号已经开通好了，怎么给他分配票据领用的权限"))).contains(Intent.CONSULTATION);
            assertThat(intentOf(("好了，能开票了"))).contains(Intent.INCIDENT_FOLLOWUP);
        }

        @Test
        void aFeatureThatCannotBeUsedIsNotAQuestion() {
            assertThat(intentOf(("签名服务器的批量签名功能用不了"))).contains(Intent.FAULT_REPORT);
        }

        @Test
        void thanksAndMeetingNoticesAreOther() {
            assertThat(intentOf(("感谢李工周末过来处理存档的事"))).contains(Intent.OTHER);
            assertThat(intentOf(("周五上午召开票据管理工作会，请财务科参加"))).contains(Intent.OTHER);
            assertThat(intentOf(("谢谢，不过推送还是失败"))).isNotEqualTo(java.util.Optional.of(Intent.OTHER));
        }

        @Test
        void askingHowLongIsAFollowUp() {
            assertThat(intentOf(("早上那个签名报错还要多久能修好"))).contains(Intent.INCIDENT_FOLLOWUP);
        }

        @Test
        void aPastedPromptIsASymptomEvenNextToAStatusWord() {
            assertThat(intentOf(("冲红时提示“票据状态异常”"))).contains(Intent.FAULT_REPORT);
        }

        @Test
        void whatTheThanksIsForNamesNoArea() {
            assertThat(AreaRules.areaOf(n("谢谢李工修好了UKey！现在短信推送全部失败"))).contains(Area.DELIVERY);
        }

        @Test
        void theSystemManagementMenuIsAdmin() {
            assertThat(AreaRules.areaOf(n("系统管理里改不了收费员的所属科室"))).contains(Area.ADMIN);
        }

        @Test
        void secondsAndCpuLoadAreSlowness() {
            assertThat(severity("页面打开要 12 秒以上，服务器 CPU 很高")).isEqualTo(Severity.III);
        }

        @Test
        void notYetExpiredAndWronglyIssuedBillsAreNotSymptoms() {
            assertThat(intentOf(("证书还没过期，续期怎么操作"))).contains(Intent.CONSULTATION);
            assertThat(intentOf(("打错的票在哪个菜单作废"))).contains(Intent.CONSULTATION);
        }

        @Test
        void aDutyPlanBeingReadyIsADutyQuestion() {
            assertThat(intentOf(("春节值班安排好了吗"))).contains(Intent.DUTY_QUERY);
            assertThat(intentOf(("体检票开完了吗？系统正常吧"))).contains(Intent.STATUS_QUERY);
        }

        @Test
        void questionsAboutRulesAndOptionsAreConsultations() {
            assertThat(intentOf(("一张票最多能补打几次？"))).contains(Intent.CONSULTATION);
            assertThat(intentOf(("能不能把电子票据作废两次？"))).contains(Intent.CONSULTATION);
            assertThat(intentOf(("UKey的有效期在哪里查看？"))).contains(Intent.CONSULTATION);
            assertThat(intentOf(("金额开错了，是冲红重开还是换开？"))).contains(Intent.CONSULTATION);
        }

        @Test
        void announcementsAndPastOutagesRecalledAreOther() {
            assertThat(intentOf(("通知：周日凌晨签名服务器升级维护，期间暂停签名"))).contains(Intent.OTHER);
            assertThat(intentOf(("上次那次宕机大家都辛苦了"))).contains(Intent.OTHER);
            assertThat(intentOf(("收到，明天照新规定执行"))).contains(Intent.OTHER);
        }

        @Test
        void aPendingStateThatNeverEndsIsAFaultNotAFollowUp() {
            assertThat(intentOf(("票据一直显示处理中，没有结果"))).contains(Intent.FAULT_REPORT);
            assertThat(intentOf(("刚才那个问题有结果了吗"))).contains(Intent.INCIDENT_FOLLOWUP);
        }
    }

    @Nested
    class SlashCommandsFirst {

        private final OfflineClassifier noModel = new OfflineClassifier(Normaliser.basic(),
                () -> {
                    throw new AssertionError("slash commands must not reach the model");
                },
                () -> {
                    throw new AssertionError("slash commands must not need training");
                }, OfflineClassifier.Stages.DEFAULT, 0);

        @ParameterizedTest
        @CsvSource({
            "/inspect, INSPECTION_REQUEST", "/inspect db, INSPECTION_REQUEST", "／status, STATUS_QUERY",
            "/duty 国庆, DUTY_QUERY", "/incident 12, INCIDENT_FOLLOWUP", "/ack, INCIDENT_FOLLOWUP",
            "/onsite, INCIDENT_FOLLOWUP", "/resolve 已重启, INCIDENT_FOLLOWUP", "/close, INCIDENT_FOLLOWUP",
            "/level II, INCIDENT_FOLLOWUP", "/help, OTHER", "/开票失败, OTHER", "/stats, STATUS_QUERY",
            "/maintenance 今晚, STATUS_QUERY", "/remote 3 no, INCIDENT_FOLLOWUP", "/cancel 3, INCIDENT_FOLLOWUP",
            "/schedule, OTHER"
        })
        void slashCommandsMapDirectlyWithFullConfidence(String text, Intent intent) {
            Classification c = noModel.classify(text);
            assertThat(c.intent()).isEqualTo(intent);
            assertThat(c.confidence()).isEqualTo(1.0);
        }

        @Test
        void emptyTextIsOtherWithoutTheModel() {
            assertThat(noModel.classify("   ").intent()).isEqualTo(Intent.OTHER);
            assertThat(noModel.classify("👍").intent()).isEqualTo(Intent.OTHER);
        }
    }
}
