package cn.ebillops.llm;

import cn.ebillops.assistant.FreeFormResponder;
import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.audit.AuditTrail;
import cn.ebillops.config.BotConfig;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the optional language model. Without llm.base-url and llm.model there is no model,
 * no agent and no {@link FreeFormResponder}: the assistant answers offline. The tools given to
 * the agent are exactly the {@link AgentTool} beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
public class LlmConfig {

    private static final Logger log = LoggerFactory.getLogger(LlmConfig.class);
    /** Concurrent model answers; more wait in a short queue, beyond that the offline path answers. */
    static final int MODEL_THREADS = 4;
    static final int MODEL_QUEUE = 16;

    @Bean
    public PromptLibrary promptLibrary(LlmProperties properties) {
        return new PromptLibrary(properties.promptsDir());
    }

    @Bean
    @Conditional(LlmConfiguredCondition.class)
    public ChatModel llmChatModel(LlmProperties properties) {
        log.info("language model configured: {}", properties);
        return chatModel(properties);
    }

    /** Owns its pool (not exposed as an ExecutorService bean, so by-type injection elsewhere stays unambiguous). */
    @Bean(destroyMethod = "close")
    @Conditional(LlmConfiguredCondition.class)
    public ModelDeadline modelDeadline(LlmProperties properties) {
        return new ModelDeadline(modelExecutor(), properties.turnTimeout());
    }

    @Bean
    @Conditional(LlmConfiguredCondition.class)
    public FreeFormResponder agentResponder(ChatModel llmChatModel, PromptLibrary prompts, BotConfig config,
                                            List<AgentTool> tools, PiiMasker masker,
                                            ModelDeadline modelDeadline, LlmProperties properties,
                                            AuditTrail audit) {
        prompts.requireAll();
        return new AgentResponder(agent(llmChatModel, prompts, config, tools, masker,
                properties.maxToolCalls(), audit),
                modelDeadline, masker);
    }

    /** Model and deadline are absent without llm.base-url and llm.model (LlmConfiguredCondition): offline. */
    @Bean
    public ImprovementWriter improvementWriter(ObjectProvider<ChatModel> llmChatModel,
                                               ObjectProvider<ModelDeadline> modelDeadline,
                                               PromptLibrary prompts, PiiMasker masker) {
        return new ImprovementWriter(llmChatModel.getIfAvailable(), modelDeadline.getIfAvailable(), prompts, masker);
    }

    /** An OpenAI-compatible chat model; no retries, so a slow model costs one timeout, not three. */
    public static ChatModel chatModel(LlmProperties p) {
        return OpenAiChatModel.builder()
                .baseUrl(p.baseUrl())
                .modelName(p.model())
                // local servers usually need no key; the client still wants one
                .apiKey(p.apiKey().isEmpty() ? "none" : p.apiKey())
                .timeout(p.timeout())
                .maxRetries(0)
                .temperature(0.2)
                .build();
    }

    public static ExecutorService modelExecutor() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(MODEL_THREADS, MODEL_THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(MODEL_QUEUE), r -> {
                    Thread t = new Thread(r, "ebillops-llm-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** The AI service without an audit trail (tests of the model path). */
    public static OpsAgent agent(ChatModel model, PromptLibrary prompts, BotConfig config, List<AgentTool> tools,
                                 PiiMasker masker, int maxToolCalls) {
        return agent(model, prompts, config, tools, masker, maxToolCalls, AuditTrail.NONE);
    }

    /**
     * The AI service with the given tools, wired explicitly (no scanning inside LangChain4j); every tool
     * call, refused or not, goes on the audit trail ({@link ToolCallAudit}).
     */
    public static OpsAgent agent(ChatModel model, PromptLibrary prompts, BotConfig config, List<AgentTool> tools,
                                 PiiMasker masker, int maxToolCalls, AuditTrail audit) {
        List<Object> available = List.copyOf(tools);
        log.info("language model tools: {}", available.stream().map(t -> t.getClass().getSimpleName()).toList());
        String system = prompts.render(Prompt.SYSTEM, Map.of(
                "hospital", config.hospital().name(), "vendor", config.hospital().vendor()));
        AiServices<OpsAgent> builder = AiServices.builder(OpsAgent.class)
                .chatModel(model)
                .systemMessage(system)
                .chatRequestTransformer(request -> RequestMasking.mask(request, masker))
                .maxSequentialToolsInvocations(maxToolCalls)
                .afterToolExecution(new ToolCallAudit(audit))
                .hallucinatedToolNameStrategy(request -> ToolExecutionResultMessage.from(request,
                        "没有名为 " + request.name() + " 的工具，只能使用已提供的工具。"))
                .toolArgumentsErrorHandler((error, context) ->
                        ToolErrorHandlerResult.text("工具参数有误，未执行：" + error.getMessage()))
                .toolExecutionErrorHandler((error, context) ->
                        ToolErrorHandlerResult.text("工具执行出错，没有得到结果。请如实告诉用户稍后重试或联系值班工程师。"));
        if (!available.isEmpty()) {
            builder.tools(available);
        }
        return builder.build();
    }
}
