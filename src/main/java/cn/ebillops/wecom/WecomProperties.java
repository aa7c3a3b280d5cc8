package cn.ebillops.wecom;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code wecom.*} keys. Each route is active only when its own keys are set. URLs may hold
 * placeholders such as {@code ${local.server.port}}: they are resolved when used (see
 * {@link WecomEndpoints}), so the demo and tests can point them at the stand-in on a random port.
 */
@ConfigurationProperties("wecom")
public record WecomProperties(@DefaultValue("https://qyapi.weixin.qq.com") String apiBaseUrl,
                              @DefaultValue Aibot aibot,
                              @DefaultValue App app,
                              @DefaultValue Robot robot) {

    /** 智能机器人: long connection (bot-id, secret, ws-url) and/or callback URL (token, encoding-aes-key). */
    public record Aibot(String botId, String secret, String wsUrl, String token, String encodingAesKey,
                        @DefaultValue("20s") Duration lockTtl,
                        @DefaultValue("30s") Duration pingInterval,
                        @DefaultValue("60s") Duration maxBackoff,
                        @DefaultValue("true") boolean autoStart) {

        public boolean longConnectionEnabled() {
            return set(botId) && set(secret) && set(wsUrl);
        }

        public boolean callbackEnabled() {
            return set(token) && set(encodingAesKey);
        }
    }

    /** 自建应用: message/send needs corp-id, agent-id, secret; the callback needs corp-id, token, key. */
    public record App(String corpId, String agentId, String secret, String token, String encodingAesKey) {

        public boolean sendEnabled() {
            return set(corpId) && set(agentId) && set(secret);
        }

        public boolean callbackEnabled() {
            return set(corpId) && set(token) && set(encodingAesKey);
        }
    }

    /**
     * 群机器人. {@code webhooks} (chat id → URL) overrides the environment variable named by the
     * group's robotWebhookEnv in bot-config (demo and tests).
     */
    public record Robot(Map<String, String> webhooks,
                        @DefaultValue("20") int perMinute,
                        @DefaultValue("true") boolean autoDispatch,
                        @DefaultValue("1s") Duration dispatchInterval) {

        public Robot {
            webhooks = webhooks == null ? Map.of() : Map.copyOf(webhooks);
        }
    }

    static boolean set(String s) {
        return s != null && !s.isBlank();
    }
}
