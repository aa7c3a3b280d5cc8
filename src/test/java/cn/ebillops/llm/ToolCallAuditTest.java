package cn.ebillops.llm;

import static cn.ebillops.llm.LlmTestSupport.CONFIG;
import static cn.ebillops.llm.LlmTestSupport.ENGINEER;
import static cn.ebillops.llm.LlmTestSupport.STAFF;
import static cn.ebillops.llm.LlmTestSupport.properties;
import static cn.ebillops.llm.LlmTestSupport.turn;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.audit.AuditEntry;
import cn.ebillops.channel.Reply;
import cn.ebillops.incident.IncidentActions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every tool call of the model reaches the audit trail with the asker, the route, the arguments and the result. */
class ToolCallAuditTest {

    static final Classification QUESTION = new Classification(Intent.OTHER, null, null, 0.5);

    FakeOpenAiServer llm;
    ExecutorService executor;
    final List<AuditEntry> recorded = new CopyOnWriteArrayList<>();
    final List<String> incidentCalls = new CopyOnWriteArrayList<>();
    final IncidentActions incidents = (action, number, actor, note) -> {
        incidentCalls.add(action + " #" + number);
        return new IncidentActions.Outcome(true, Reply.of("故障单 #" + number + " 已由" + actor.name() + "接单。"));
    };

    @BeforeEach
    void start() throws Exception {
        llm = new FakeOpenAiServer();
        executor = LlmConfig.modelExecutor();
    }

    @AfterEach
    void stop() {
        llm.close();
        executor.shutdownNow();
    }

    AgentResponder responder() {
        LlmProperties p = properties(llm.baseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(10));
        PiiMasker masker = new PiiMasker();
        OpsAgent agent = LlmConfig.agent(LlmConfig.chatModel(p), new PromptLibrary(p.promptsDir()), CONFIG,
                List.of(new IncidentTool(incidents)), masker, p.maxToolCalls(),
                recorded::add);
        return new AgentResponder(agent, new ModelDeadline(executor, p.turnTimeout()), masker);
    }

    @Test
    void aToolCallIsRecordedWithWhoAskedAndWhatItDid() {
        llm.thenCallTool("updateIncident", "{\"number\":12,\"action\":\"ACK\"}").thenAnswer("已接单。");

        responder().respond(turn(ENGINEER, "12 号我接了"), QUESTION);

        assertThat(incidentCalls).containsExactly("ACK #12");
        assertThat(recorded).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("zhanggong");
            assertThat(e.route()).isEqualTo("console");
            assertThat(e.action()).isEqualTo("tool.updateIncident");
            assertThat(e.after()).contains("\"number\":12").contains("ACK");
            assertThat(e.outcome()).contains("故障单 #12 已由张工接单");
        });
    }

    @Test
    void aRefusedToolCallIsRecordedToo() {
        llm.thenCallTool("updateIncident", "{\"number\":12,\"action\":\"RESOLVE\"}").thenAnswer("已解决。");

        responder().respond(turn(STAFF, "12 号已经好了，帮我关掉"), QUESTION);

        assertThat(incidentCalls).isEmpty();
        assertThat(recorded).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("chenxia");
            assertThat(e.outcome()).startsWith("无权限");
        });
    }
}
