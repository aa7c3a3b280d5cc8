package cn.ebillops.assistant.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.assistant.Assistant;
import cn.ebillops.assistant.command.CommandRegistry.Registered;
import cn.ebillops.assistant.nlu.MessageClassifier;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.channel.InboundMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The registered command beans and the static table the classifier reads are one to one. */
@SpringBootTest
class RegisteredCommandsTest {

    @Autowired
    CommandRegistry registry;
    @Autowired
    MessageClassifier classifier;
    @Autowired
    Assistant assistant;

    @Test
    void everyRegisteredCommandClassifiesAsItsDeclaredIntent() {
        assertThat(registry.all()).isNotEmpty();
        for (Registered c : registry.all()) {
            assertThat(classifier.classify("/" + c.name()).intent()).as("/" + c.name()).isEqualTo(c.intent());
            assertThat(classifier.classify("／" + c.name().toUpperCase(Locale.ROOT) + " 1 备注").intent())
                    .as("／" + c.name()).isEqualTo(c.intent());
        }
    }

    @Test
    void everyDeclaredCommandIsRegistered() {
        assertThat(registry.all()).extracting(Registered::command).containsExactlyInAnyOrder(SlashCommand.values());
    }

    @Test
    void helpIsDerivedFromTheDeclarations() {
        String help = registry.find("help").orElseThrow().handler().execute(null).markdown();
        for (Registered c : registry.all()) {
            assertThat(help).as("/" + c.name()).contains("`" + c.usage() + "` " + c.help());
        }
        assertThat(help).contains("`/close [编号]` 关闭故障单（仅工程师、管理员）")
                .contains("`/status` 当前系统状态：关键功能探测、本月可用率、未关闭故障单\n");
    }

    @Test
    void whoamiShowsTheIdsToCopyIntoBotConfigAndWhetherTheyAreKnown() {
        assertThat(say("wr_cashier", "zhanggong", "/whoami")).contains("userid：`zhanggong`（已配置：张工，运维工程师）")
                .contains("chatid：`wr_cashier`（已配置：收费处电子票据群）");
        assertThat(say("wrNEWGROUP01", "newclerk", "／whoami")).contains("userid：`newclerk`（未在 hospital.yaml 配置，按医院职工对待）")
                .contains("chatid：`wrNEWGROUP01`（未在 hospital.yaml 配置：收不到群通知）");
    }

    private String say(String chatId, String userId, String text) {
        return assistant.handle(new InboundMessage("console", chatId, userId, text, UUID.randomUUID().toString(),
                Instant.now())).replies().get(0).markdown();
    }

    @Test
    void aCommandWithoutItsDeclarationIsRefusedAtStart() {
        Command undeclared = context -> null;
        assertThatThrownBy(() -> new CommandRegistry(List.of(undeclared)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without @ChatCommand");
    }
}
