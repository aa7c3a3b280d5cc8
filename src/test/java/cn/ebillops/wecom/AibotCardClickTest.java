package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.ebillops.sandbox.wecom.StandInCards;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A card click on the long connection is answered by updating the card (aibot_respond_update_msg with the click's
 * req_id and the card's task_id), as the official client's updateTemplateCard does, not by a chat message.
 */
@ExtendWith(OutputCaptureExtension.class)
class AibotCardClickTest extends WecomStandInTestBase {

    @BeforeEach
    void holdingTheConnection() {
        await().atMost(Duration.ofSeconds(15)).until(aibot::isSubscribed);
    }

    @Test
    void aClickUpdatesTheCardWithTheIncidentServicesAnswer() {
        String chat = unique("wr_card_");
        String user = unique("u");
        assertThat(socket.clickCard(chat, user, "incident:ACK:7", "task-7")).isTrue();
        await().atMost(Duration.ofSeconds(15)).until(() -> !socket.cards().updates(chat).isEmpty());
        StandInCards.Update update = socket.cards().updates(chat).get(0);
        assertThat(update.taskId()).isEqualTo("task-7");
        assertThat(update.text()).contains("只有运维工程师或管理员可以接单"); // an unknown WeCom user is staff
        // refused by the incident service: only the clicker's card changes, the buttons stay for the others
        assertThat(update.userIds()).containsExactly(user);
        assertThat(update.buttons()).containsExactly("接单", "已到场", "已解决");
        settle();
        assertThat(standIn.received(chat, "aibot")).as("no chat message instead of the update").isEmpty();
    }

    @Test
    void aRefusedUpdateIsLoggedAndTheAnswerGoesToTheClickerAsText(CapturedOutput output) {
        String chat = unique("wr_card_");
        String user = unique("u");
        socket.cards().refuseNextUpdate(846608);
        assertThat(socket.clickCard(chat, user, "incident:ONSITE:8", "task-8")).isTrue();
        exactly(1, user, "app");
        assertThat(standIn.received(user, "app").get(0).text()).contains("只有运维工程师或管理员可以登记到场");
        assertThat(output.getAll()).contains("errcode 846608");
        assertThat(socket.cards().updates(chat)).isEmpty();
    }
}
