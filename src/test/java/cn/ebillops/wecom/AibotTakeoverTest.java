package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.ebillops.infra.InMemoryKeyValueStore;
import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.infra.RedisKeyValueStore;
import cn.ebillops.wording.Wording;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.TaskScheduler;
import redis.clients.jedis.JedisPooled;
import tools.jackson.databind.ObjectMapper;

/** Several instances, one long connection: the holder's lock expires when it dies and another takes over. */
class AibotTakeoverTest extends ControlledClockTestBase {

    @Autowired WecomProperties props;
    @Autowired WecomEndpoints endpoints;
    @Autowired ObjectMapper mapper;
    @Autowired ApplicationEventPublisher events;
    @Autowired TaskScheduler scheduler;
    /** The context's: its long-connection route waits on it for the acks each instance's socket receives. */
    @Autowired AibotAcks acks;

    /**
     * One instance's lease and socket. What its socket receives is published to this context, whose
     * {@link AibotLongConnection} answers on the socket the message came by.
     */
    private record Instance(AibotLease lease, AibotSocket socket) {
        void tick() {
            socket.tick();
        }

        boolean isLeader() {
            return lease.held();
        }

        boolean isSubscribed() {
            return socket.isSubscribed();
        }

        Instant lastFrameAt() {
            return socket.lastFrameAt();
        }

        Duration tickInterval() {
            return lease.renewEvery();
        }

        void crash() {
            socket.crash();
        }

        void stop() {
            socket.stop();
        }
    }

    private Instance instance(WecomProperties p, KeyValueStore store) {
        AibotLease lease = new AibotLease(p, store);
        return new Instance(lease, new AibotSocket(p, endpoints, lease, new AibotProtocol(p, mapper), acks,
                clock, events, scheduler));
    }

    @Test
    void secondInstanceTakesOverWithin30SecondsWhenTheHolderDies() {
        KeyValueStore shared = new InMemoryKeyValueStore(clock);
        Instance a = instance(props, shared);
        Instance b = instance(props, shared);
        a.tick();
        await().atMost(Duration.ofSeconds(10)).until(a::isSubscribed);
        b.tick();
        assertThat(b.isLeader()).isFalse();
        int subscriptions = socket.subscriptions().size();

        a.crash(); // no unlock: the lock must expire
        Instant died = clock.instant();
        for (int i = 0; i < 100 && !b.isLeader(); i++) {
            clock.advance(b.tickInterval());
            b.tick();
        }
        assertThat(b.isLeader()).isTrue();
        assertThat(Duration.between(died, clock.instant())).isLessThanOrEqualTo(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).until(b::isSubscribed);
        assertThat(socket.subscriptions()).hasSize(subscriptions + 1);

        String chat = "wr_takeover_" + UUID.randomUUID();
        assertThat(socket.userMessage(chat, "group", "chenxia", "@助手 开票失败", "m-" + UUID.randomUUID())).isTrue();
        // the first answer of this context loads the offline classifier: slow on a loaded 2-core machine
        await().atMost(Duration.ofSeconds(60)).until(() -> standIn.received(chat, "aibot").size() == 1);
        b.stop();
    }

    @Test
    void holderPingsAboutEvery30Seconds() {
        Instance a = instance(props, new InMemoryKeyValueStore(clock));
        a.tick();
        await().atMost(Duration.ofSeconds(10)).until(a::isSubscribed);
        int before = socket.pings();
        for (int i = 1; i <= 12; i++) { // two minutes in ticks of 10 s
            clock.advance(Duration.ofSeconds(10));
            a.tick();
            if (i % 3 == 0) {
                // The answer to the ping arrives on the socket's own thread; without it the next
                // ticks would see a silent connection. The clock stands still meanwhile, so the
                // last frame's time equals it once this ping is answered.
                Instant now = clock.instant();
                await("the ping at tick " + i + " answered").atMost(Duration.ofSeconds(10))
                        .until(() -> a.lastFrameAt().equals(now));
            }
        }
        // each answered ping was counted by the stand-in before it answered
        assertThat(socket.pings() - before).isEqualTo(4);
        assertThat(a.isSubscribed()).isTrue();
        a.stop();
    }

    @Test
    void droppedConnectionIsReopenedAfterBackOff() throws Exception {
        Instance a = instance(props, new InMemoryKeyValueStore(clock));
        a.tick();
        await().atMost(Duration.ofSeconds(10)).until(a::isSubscribed);
        socket.dropActive();
        await().atMost(Duration.ofSeconds(10)).until(() -> !a.isSubscribed());
        a.tick(); // within the back-off: no reconnect yet
        assertThat(a.isSubscribed()).isFalse();
        // the regular ticks go on for the capped back-off (60 s); within it, it connects again
        Instant dropped = clock.instant();
        while (clock.instant().isBefore(dropped.plus(Duration.ofSeconds(60)))) {
            clock.advance(a.tickInterval());
            a.tick();
        }
        await("reconnected and subscribed after the back-off").atMost(Duration.ofSeconds(10)).until(a::isSubscribed);
        a.stop();
    }

    @Test
    void aConnectionTakenOverByAnotherHolderIsNotReopenedSoTheOtherIsNotKicked() {
        // two lock stores: the other holder is outside this instance's election (say the official client)
        Instance a = instance(props, new InMemoryKeyValueStore(clock));
        Instance other = instance(props, new InMemoryKeyValueStore(clock));
        a.tick();
        await().atMost(Duration.ofSeconds(10)).until(a::isSubscribed);
        other.tick();
        await().atMost(Duration.ofSeconds(10)).until(other::isSubscribed);
        await("a got disconnected_event").atMost(Duration.ofSeconds(10)).until(() -> !a.isSubscribed());
        int subscriptions = socket.subscriptions().size();

        Instant replaced = clock.instant();
        while (clock.instant().isBefore(replaced.plus(Duration.ofMinutes(3)))) { // beyond the capped back-off
            clock.advance(a.tickInterval());
            a.tick();
        }
        // a reconnect would run on the socket's threads: watch for it a while
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> socket.subscriptions().size() == subscriptions && !a.isSubscribed());
        // it keeps the lock: a sibling instance of its own would otherwise connect and kick the other holder
        assertThat(a.isLeader()).isTrue();
        // and /status says so, with when it happened
        LongConnectionStatusLine status = new LongConnectionStatusLine(new LongConnectionStatus(props, a.lease(), a.socket()),
                Wording.defaults(), clock);
        assertThat(status.statusLine()).hasValueSatisfying(line -> assertThat(line)
                .contains("企业微信长连接：已被另一个连接顶替", "本实例停止连接，等持锁实例决定",
                        java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm").format(replaced.atZone(clock.getZone()))));
        LongConnectionStatusLine others = new LongConnectionStatusLine(
                new LongConnectionStatus(props, other.lease(), other.socket()), Wording.defaults(), clock);
        assertThat(others.statusLine()).as("the holder that took over has nothing to say").isEmpty();
        other.stop();
        a.stop();
    }

    @Test
    void takeoverWorksOnTheRealRedisStore() {
        var aibot = props.aibot();
        WecomProperties fast = new WecomProperties(props.apiBaseUrl(), new WecomProperties.Aibot(aibot.botId(),
                aibot.secret(), aibot.wsUrl(), null, null, Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofSeconds(60), false), props.app(), props.robot());
        try (JedisPooled jedis = new JedisPooled("127.0.0.1", 6379)) {
            KeyValueStore redis = new RedisKeyValueStore(jedis, "test:wecom:" + UUID.randomUUID() + ":");
            Instance a = instance(fast, redis);
            Instance b = instance(fast, redis);
            a.tick();
            await().atMost(Duration.ofSeconds(10)).until(a::isSubscribed);
            b.tick();
            assertThat(b.isLeader()).isFalse();
            a.crash();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
                b.tick();
                return b.isLeader();
            });
            await().atMost(Duration.ofSeconds(10)).until(b::isSubscribed);
            b.stop();
            assertThat(redis.get("wecom:aibot:holder:" + aibot.botId())).isNull();
        }
    }
}
