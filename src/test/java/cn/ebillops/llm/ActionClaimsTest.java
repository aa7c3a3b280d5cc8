package cn.ebillops.llm;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.incident.IncidentActions.Action;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActionClaimsTest {

    private static final Set<Action> NOTHING = EnumSet.noneOf(Action.class);

    @ParameterizedTest
    @ValueSource(strings = {"已为您接单 #12。", "好的，已按您的要求关闭所有故障单。", "故障单 #3 已关闭。", "已经帮您把级别改为 I 级",
            "问题已解决，请再试一次。", "我已通知值班工程师。", "处理好了，请重新开票。", "已暂停节前巡检任务", "已为您重启签名服务"})
    void aClaimNoToolBackedIsRefused(String wording) {
        assertThat(ActionClaims.backed(wording, NOTHING)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"如果无法开票，请联系值班工程师处理。", "目前未关闭的故障单有 2 张。", "我可以为您查询值班安排。",
            "处理方法：清除浏览器缓存后重新登录再试。", "故障单 #3 处理中，工程师已在路上。", "问题解决了吗？", "证书 20 天后到期，建议尽快续期。",
            "国庆节值班工程师是李工，电话 400-800-1234。"})
    void ordinaryAnswersClaimNothing(String wording) {
        assertThat(ActionClaims.backed(wording, NOTHING)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"已为您接单 #12。", "已经接单，请尽快处理。"})
    void aClaimIsShownWhenItsActionWasDone(String wording) {
        assertThat(ActionClaims.backed(wording, EnumSet.of(Action.ACK))).isTrue();
        assertThat(ActionClaims.backed(wording, EnumSet.of(Action.RESOLVE))).as("another action").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"已关闭故障单 #12。", "已把 #12 的级别调整为 II 级。"})
    void changesNoToolCanMakeAreNeverBacked(String wording) {
        assertThat(ActionClaims.backed(wording, EnumSet.allOf(Action.class))).isFalse();
    }
}
