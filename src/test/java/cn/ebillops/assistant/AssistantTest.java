package cn.ebillops.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.ebillops.assistant.command.Command;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.command.CommandRegistry;
import cn.ebillops.assistant.nlu.Area;
import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.assistant.nlu.MessageClassifier;
import cn.ebillops.assistant.nlu.Severity;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.channel.Reply;
import cn.ebillops.config.BotConfig;
import cn.ebillops.config.Hospital;
import cn.ebillops.config.Person;
import cn.ebillops.config.Role;
import cn.ebillops.infra.InMemoryKeyValueStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class AssistantTest {

    private final BotConfig config = new BotConfig(new Hospital("梅州市中医医院", "梅州中医院", "", ""),
            List.of(new Person("zhanggong", "张工", Role.ENGINEER, "", "")), List.of());
    private final MessageClassifier classifier = mock(MessageClassifier.class);
    private final ConversationLog log = mock(ConversationLog.class);
    private final List<IntentHandler> handlers = new ArrayList<>();
    private final AtomicReference<Turn> seen = new AtomicReference<>();

    private Assistant assistant(Command... commands) {
        ObjectProvider<FreeFormResponder> none = new StaticListableBeanFactory().getBeanProvider(FreeFormResponder.class);
        return new Assistant(config, new CommandRegistry(List.of(commands)), classifier, handlers, none,
                new InMemoryKeyValueStore(Clock.systemUTC()), log);
    }

    private static InboundMessage msg(String user, String text) {
        return new InboundMessage("test", "wr_cashier", user, text, "m-" + System.nanoTime(), Instant.now());
    }

    private IntentHandler handler(Intent intent, String answer) {
        return new IntentHandler() {
            public Intent intent() {
                return intent;
            }

            public Reply handle(Turn turn, Classification c) {
                seen.set(turn);
                return Reply.of(answer);
            }
        };
    }

    @Test
    void mentionIsStrippedWhereverItStandsBeforeClassification() {
        when(classifier.classify("开票失败")).thenReturn(new Classification(Intent.FAULT_REPORT, Severity.II, Area.ISSUANCE, 0.9));
        handlers.add(handler(Intent.FAULT_REPORT, "已建单"));
        HandleResult r = assistant().handle(msg("chenxia", "开票@运维助手\u2005失败"));
        assertThat(r.replies()).extracting(Reply::markdown).containsExactly("已建单");
        assertThat(seen.get().text()).isEqualTo("开票失败");
    }

    @Test
    void unknownSenderIsTreatedAsStaff() {
        when(classifier.classify(anyString())).thenReturn(new Classification(Intent.OTHER, null, null, 1));
        handlers.add(handler(Intent.OTHER, "好的"));
        assistant().handle(msg("stranger", "你好"));
        assertThat(seen.get().sender().role()).isEqualTo(Role.STAFF);
        assertThat(seen.get().fromEngineer()).isFalse();
    }

    @Test
    void faultWithoutIncidentModuleIsAcknowledgedWithLevelAndArea() {
        when(classifier.classify(anyString())).thenReturn(new Classification(Intent.FAULT_REPORT, Severity.I, Area.SYSTEM, 0.9));
        String answer = assistant().handle(msg("chenxia", "系统宕机了")).replies().get(0).markdown();
        assertThat(answer).contains("I级（系统瘫痪、宕机）").contains("系统整体").contains("尚未启用");
    }

    @Test
    void commandsAreParsedBeforeAnyClassification() {
        Command ping = new Command() {
            public String name() {
                return "ping";
            }

            public String usage() {
                return "/ping";
            }

            public String summary() {
                return "测试";
            }

            public Intent intent() {
                return Intent.OTHER;
            }

            public Reply execute(CommandContext c) {
                return Reply.of("pong " + c.args() + " " + c.caller().name());
            }
        };
        when(classifier.classify(any())).thenThrow(new AssertionError("must not classify a command"));
        assertThat(assistant(ping).handle(msg("zhanggong", "@助手 ／PING  a b")).replies().get(0).markdown())
                .isEqualTo("pong a b 张工");
    }

    @Test
    void internalErrorBecomesApologyWithErrorId() {
        when(classifier.classify(anyString())).thenThrow(new IllegalStateException("boom"));
        String answer = assistant().handle(msg("chenxia", "开票失败")).replies().get(0).markdown();
        assertThat(answer).contains("抱歉").containsPattern("错误编号 [0-9a-f]{8}").doesNotContain("boom");
    }

    @Test
    void sameMessageIdOnSameChannelIsHandledOnce() {
        when(classifier.classify(anyString())).thenReturn(new Classification(Intent.OTHER, null, null, 1));
        Assistant a = assistant();
        InboundMessage m = msg("chenxia", "你好");
        assertThat(a.handle(m).duplicate()).isFalse();
        assertThat(a.handle(m).duplicate()).isTrue();
        InboundMessage otherRoute = new InboundMessage("other", m.chatId(), m.userId(), m.text(), m.messageId(), m.receivedAt());
        assertThat(a.handle(otherRoute).duplicate()).isFalse();
    }

    @Test
    void emptyTextGetsTheGuide() {
        assertThat(assistant().handle(msg("chenxia", "@运维助手")).replies().get(0).markdown()).contains("开票失败");
    }
}
