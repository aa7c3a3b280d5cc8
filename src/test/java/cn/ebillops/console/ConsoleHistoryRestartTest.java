package cn.ebillops.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.EbillOpsApplication;
import cn.ebillops.channel.ChatSender;
import cn.ebillops.testsupport.ConsoleLogin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The console's history survives a restart: the application is started over the shipped embedded H2 file
 * database (the other console tests run on PostgreSQL), a person speaks and receives a direct message, the
 * application stops, and a second start over the same files shows both (masked), then keeps only the newest
 * lines once the per-chat limit is lowered.
 */
class ConsoleHistoryRestartTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void historyAndDirectMessagesAreThereAfterARestart() throws Exception {
        Path dataDir = Path.of("target", "test-data", "console-restart-" + UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath();
        String marker = "重启前 " + UUID.randomUUID().toString().substring(0, 8);
        try {
            try (ConfigurableApplicationContext ctx = start(dataDir, 500)) {
                ConsoleLogin chenxia = ConsoleLogin.as(port(ctx), "chenxia");
                assertThat(chenxia.postJson("/api/console/messages", """
                        {"chatId":"wr_it","text":"%s 电话13800138000"}""".formatted(marker)).statusCode())
                        .isEqualTo(200);
                ctx.getBean(ChatSender.class).toPerson("zhanggong", "**私信** " + marker);
            }
            try (ConfigurableApplicationContext ctx = start(dataDir, 3)) {
                int port = port(ctx);
                List<JsonNode> chat = lines(ConsoleLogin.as(port, "huangwei"), "/api/console/chats/wr_it/messages");
                assertThat(chat).extracting(l -> l.get("from").asString() + ": " + l.get("text").asString())
                        .first().asString().isEqualTo("chenxia: " + marker + " 电话138****8000");
                assertThat(chat.get(1).get("from").asString()).isEqualTo("assistant");
                assertThat(chat.get(1).get("text").asString()).isNotBlank();
                assertThat(chat.get(0).get("at").asLong()).isLessThanOrEqualTo(chat.get(1).get("at").asLong());
                ConsoleLogin zhanggong = ConsoleLogin.as(port, "zhanggong");
                assertThat(lines(zhanggong, "/api/console/direct")).extracting(l -> l.get("text").asString())
                        .contains("**私信** " + marker);

                // the limit now 3 lines per chat: one more exchange pushes the first one out
                zhanggong.postJson("/api/console/messages", """
                        {"chatId":"wr_it","text":"/help"}""");
                List<JsonNode> after = lines(zhanggong, "/api/console/chats/wr_it/messages");
                assertThat(after).hasSize(3);
                assertThat(after).noneMatch(l -> l.get("text").asString().contains(marker));
            }
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private List<JsonNode> lines(ConsoleLogin who, String path) {
        List<JsonNode> out = new ArrayList<>();
        json.readTree(who.get(path).body()).forEach(out::add);
        return out;
    }

    private static int port(ConfigurableApplicationContext ctx) {
        return ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    private static ConfigurableApplicationContext start(Path dataDir, int perChat) throws Exception {
        Files.createDirectories(dataDir);
        return new SpringApplicationBuilder(EbillOpsApplication.class)
                .run("--ebillops.test.database=given", "--ebillops.data-dir=" + dataDir, "--server.port=0",
                        "--ebillops.console.history-per-chat=" + perChat);
    }
}
