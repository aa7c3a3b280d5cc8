package cn.ebillops.wecom;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.ChatGroup;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Resolves the WeCom URLs when they are used, not at start: {@code ${local.server.port}} only
 * exists once the web server listens (the stand-in runs inside the app in demo and tests).
 */
@Component
class WecomEndpoints {

    private final WecomProperties props;
    private final Environment env;
    private final BotConfig botConfig;

    public WecomEndpoints(WecomProperties props, Environment env, BotConfig botConfig) {
        this.props = props;
        this.env = env;
        this.botConfig = botConfig;
    }

    public String api(String path) {
        String base = env.resolveRequiredPlaceholders(props.apiBaseUrl());
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    public String aibotWsUrl() {
        return env.resolveRequiredPlaceholders(props.aibot().wsUrl());
    }

    /** Any WeCom group route at all (robot webhooks or the AI bot); a console-only site has none. */
    public boolean anyGroupRouteConfigured() {
        return anyRobotConfigured() || WecomProperties.set(props.aibot().botId());
    }

    /** True when at least one group has a robot webhook (else the dispatcher need not poll). */
    public boolean anyRobotConfigured() {
        return !props.robot().webhooks().isEmpty()
                || botConfig.groups().stream().anyMatch(g -> robotWebhook(g.chatId()).isPresent());
    }

    /** The group robot's webhook URL: the property override, else the env variable bot-config names. */
    public Optional<String> robotWebhook(String chatId) {
        String override = props.robot().webhooks().get(chatId);
        if (WecomProperties.set(override)) {
            return Optional.of(env.resolveRequiredPlaceholders(override));
        }
        return botConfig.group(chatId).map(ChatGroup::robotWebhookEnv)
                .filter(WecomProperties::set)
                .map(env::getProperty)
                .filter(WecomProperties::set);
    }
}
