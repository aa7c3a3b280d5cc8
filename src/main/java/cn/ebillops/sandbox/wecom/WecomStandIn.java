package cn.ebillops.sandbox.wecom;

import cn.ebillops.wecom.WecomProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The state of the WeCom stand-in: tokens, the group robots' real 20-per-minute limit, one-use
 * response URLs, and a record of what each group or user received (tests assert on it, the demo
 * shows it). Times come from the injected clock so tests control the minute.
 */
@Component
@ConditionalOnProperty(name = "ebillops.sandbox.enabled", havingValue = "true")
public class WecomStandIn {

    public static final int ROBOT_PER_MINUTE = 20;
    static final Duration TOKEN_LIFE = Duration.ofSeconds(7200);
    static final Duration RESPONSE_URL_LIFE = Duration.ofHours(1);

    /** One message a group or user received; {@code route} is robot, aibot, response_url, app… */
    public record Received(long seq, String chatId, String route, String text, Instant at) {
    }

    private record ResponseUrl(String chatId, Instant expiresAt) {
    }

    private final WecomProperties props;
    private final Clock clock;
    private final AtomicLong seq = new AtomicLong();
    private final List<Received> received = new ArrayList<>();
    private final Map<String, Instant> tokens = new HashMap<>();
    private final Map<String, Deque<Instant>> robotSends = new HashMap<>();
    private final Map<String, ResponseUrl> responseUrls = new HashMap<>();
    private final Deque<Integer> injectedWebhookErrors = new ArrayDeque<>();
    private final Map<String, Deque<Integer>> injectedMessageSendErrors = new HashMap<>();
    private final Map<String, String> usedResponseUrls = new HashMap<>();
    private final Map<String, Integer> responseUrlCalls = new HashMap<>();
    private Instant webhooksDownUntil = Instant.MIN;
    private int webhookOutageRefusals;
    private int tokensIssued;
    private int robotRefusals;

    public WecomStandIn(WecomProperties props, Clock clock) {
        this.props = props;
        this.clock = clock;
    }

    public synchronized void record(String chatId, String route, String text) {
        received.add(new Received(seq.incrementAndGet(), chatId, route, text, clock.instant()));
    }

    public synchronized List<Received> received(String chatId) {
        return received.stream().filter(r -> r.chatId().equals(chatId)).toList();
    }

    public synchronized List<Received> received(String chatId, String route) {
        return received.stream().filter(r -> r.chatId().equals(chatId) && r.route().equals(route)).toList();
    }

    public synchronized void clear() {
        received.clear();
        robotSends.clear();
        injectedWebhookErrors.clear();
        injectedMessageSendErrors.clear();
        robotRefusals = 0;
        webhooksDownUntil = Instant.MIN;
        webhookOutageRefusals = 0;
    }

    // --- self-built app: gettoken, message/send ---

    /** A new token when corp id and secret match the configured app; null otherwise. */
    public synchronized String issueToken(String corpId, String secret) {
        var app = props.app();
        if (corpId == null || secret == null || !corpId.equals(app.corpId()) || !secret.equals(app.secret())) {
            return null;
        }
        String token = "sandbox-" + UUID.randomUUID();
        tokens.put(token, clock.instant().plus(TOKEN_LIFE));
        tokensIssued++;
        return token;
    }

    /** 0, 40014 (invalid) or 42001 (expired). */
    public synchronized int checkToken(String token) {
        Instant exp = token == null ? null : tokens.get(token);
        if (exp == null) {
            return 40014;
        }
        return clock.instant().isBefore(exp) ? 0 : 42001;
    }

    /** Makes every issued token expire now (tests the one refresh on 42001). */
    public synchronized void expireTokens() {
        tokens.replaceAll((t, exp) -> clock.instant());
    }

    public synchronized int tokensIssued() {
        return tokensIssued;
    }

    /** Makes the next message/send calls to this user answer these errcodes (e.g. 48002) instead of delivering. */
    public synchronized void injectMessageSendErrors(String toUser, List<Integer> errcodes) {
        injectedMessageSendErrors.computeIfAbsent(toUser, u -> new ArrayDeque<>()).addAll(errcodes);
    }

    /** The next injected message/send error for this user, or 0 when the call goes through. */
    public synchronized int nextMessageSendError(String toUser) {
        Deque<Integer> errors = injectedMessageSendErrors.get(toUser);
        return errors == null || errors.isEmpty() ? 0 : errors.poll();
    }

    // --- group robot webhook ---

    /** Makes the next webhook calls answer these errcodes (e.g. -1 busy) before the real logic. */
    public synchronized void injectWebhookErrors(List<Integer> errcodes) {
        injectedWebhookErrors.addAll(errcodes);
    }

    /** An outage of the robot webhooks: every call answers -1 (system busy) until {@code until}. */
    public synchronized void failWebhooksUntil(Instant until) {
        webhooksDownUntil = until;
    }

    /** How many webhook calls the outage refused. */
    public synchronized int webhookOutageRefusals() {
        return webhookOutageRefusals;
    }

    /** WeCom's rule: at most 20 messages per robot in a minute, else errcode 45009 (HTTP 200). */
    public synchronized int webhook(String key, String text) {
        if (!injectedWebhookErrors.isEmpty()) {
            return injectedWebhookErrors.poll();
        }
        if (clock.instant().isBefore(webhooksDownUntil)) {
            webhookOutageRefusals++;
            return -1;
        }
        Instant now = clock.instant();
        Deque<Instant> sends = robotSends.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!sends.isEmpty() && !sends.peekFirst().isAfter(now.minusSeconds(60))) {
            sends.pollFirst();
        }
        if (sends.size() >= ROBOT_PER_MINUTE) {
            robotRefusals++;
            return 45009;
        }
        sends.addLast(now);
        record(key, "robot", text);
        return 0;
    }

    public synchronized int robotRefusals() {
        return robotRefusals;
    }

    // --- AI bot response_url ---

    public synchronized String newResponseUrlId(String chatId) {
        String id = UUID.randomUUID().toString();
        responseUrls.put(id, new ResponseUrl(chatId, clock.instant().plus(RESPONSE_URL_LIFE)));
        return id;
    }

    /** One use, within an hour: 0, or an errcode. Every call counts, also the refused ones. */
    public synchronized int useResponseUrl(String id, String text) {
        ResponseUrl url = responseUrls.remove(id);
        String chatId = url != null ? url.chatId() : usedResponseUrls.get(id);
        if (chatId != null) {
            responseUrlCalls.merge(chatId, 1, Integer::sum);
        }
        if (url == null) {
            return 40003;
        }
        usedResponseUrls.put(id, url.chatId());
        if (!clock.instant().isBefore(url.expiresAt())) {
            return 42001;
        }
        record(url.chatId(), "response_url", text);
        return 0;
    }

    /** How often the chat's response URLs were called, refused second uses included. */
    public synchronized int responseUrlCalls(String chatId) {
        return responseUrlCalls.getOrDefault(chatId, 0);
    }
}
