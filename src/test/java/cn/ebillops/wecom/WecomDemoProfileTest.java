package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.ebillops.channel.ChatSender;
import cn.ebillops.sandbox.wecom.WecomStandIn;
import cn.ebillops.sandbox.wecom.WecomStandInDriver;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The demo profile (scripts/run.sh) shows the group flow on the stand-in without WeCom. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class WecomDemoProfileTest {

    @Autowired WecomStandInDriver driver;
    @Autowired WecomStandIn standIn;
    @Autowired ChatSender chatSender;

    @Test
    void aUserInTheCashierGroupGetsOneAnswerAndGroupNoticesArriveThere() {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            HttpResponse<String> r = driver.post("/sandbox/wecom/chats/wr_cashier/say",
                    "{\"userId\":\"chenxia\",\"text\":\"@助手 开票失败\"}", "application/json");
            return r.statusCode() == 200 && r.body().contains("long-connection");
        });
        // the first answer waits for the classifier, trained at first use: on a fresh clone that includes
        // embedding every training sentence once (about 15 s on 2 cores), so the ceiling is generous
        await().atMost(Duration.ofSeconds(90)).until(() -> !standIn.received("wr_cashier", "aibot").isEmpty());
        assertThat(standIn.received("wr_cashier", "aibot")).hasSize(1);

        chatSender.toGroup("wr_cashier", "巡检完成：全部正常");
        await().atMost(Duration.ofSeconds(20)).until(() -> standIn.received("wr_cashier", "robot").stream()
                .anyMatch(r -> r.text().contains("巡检完成")));
        HttpResponse<String> list = driver.get("/sandbox/wecom/chats/wr_cashier/messages");
        assertThat(list.body()).contains("巡检完成");
    }
}
