package cn.ebillops.config;

/**
 * A WeCom group chat the assistant serves. {@code robotWebhookEnv} names the environment
 * variable that holds the group robot's webhook URL (a secret, never in the file).
 */
public record ChatGroup(String chatId, String name, String robotWebhookEnv, boolean notices) {
}
