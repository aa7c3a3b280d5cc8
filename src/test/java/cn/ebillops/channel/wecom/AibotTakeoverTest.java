package cn.ebillops.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.ebillops.infra.InMemoryKeyValueStore;
import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.infra.RedisKeyValueStore;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.JedisPooled;
import tools.jackson.databind.ObjectMapper;

/** Several instances, one long connection: the holder's lock expires when it dies and another takes over. */
class AibotTakeoverTest extends ControlledClockTestBase {

    @Autowired WecomProperties props;
    @Autowired WecomEndpoints endpoints;
    @Autowired WecomPipeline pipeline;
    @Autowired ObjectMapper mapper;
    @Autowired CardActions cards;

    private AibotLongConnection instance(WecomProperties p, KeyValueStore store) {
        return new AibotLongConnection(p, endpoints, store, clock, pipeline, mapper, cards);
    }

    @Test
    void secondInstanceTakesOverWithin30SecondsWhenTheHolderDies() {
        KeyValueStore shared = new InMemoryKeyValueStore(clock);
        AibotLongConnection a = instance(props, shared);
        AibotLongConnection b = instance(props, shared);
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
        await().atMost(Duration.ofSeconds(10)).until(() -> standIn.received(chat, "aibot").size() == 1);
        b.stop();
    }

    @Test
    void holderPingsAboutEvery30Seconds() throws InterruptedException {
        AibotLongConnection a = instance(props, new InMemoryKeyValueStore(clock));
        a.tick();
        await().atMost(Duration.ofSeconds(10)).until(a::isSubscribed);
        int before = socket.pings();
        for (int i = 0; i < 12; i++) { // two minutes in ticks of 10 s
            clock.advance(Duration.ofSeconds(10));
            a.tick();
            Thread.sleep(100); // the answer to a ping arrives on the socket's own thread
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> socket.pings() - before == 4);
        assertThat(a.isSubscribed()).isTrue();
        a.stop();
    }

    @Test
    void droppedConnectionIsReopenedAfterBackOff() throws Exception {
        AibotLongConnection a = instance(props, new InMemoryKeyValueStore(clock));
        a.tick();
        await().atMost(Duration.ofSeconds(10)).until(a::isSubscribed);
        socket.dropActive();
        await().atMost(Duration.ofSeconds(10)).until(() -> !a.isSubscribed());
        a.tick(); // within the back-off: no reconnect yet
        assertThat(a.isSubscribed()).isFalse();
        // the regular ticks go on; within the capped back-off (60 s) it connects again
        for (int i = 0; i < 100 && !a.isSubscribed(); i++) {
            clock.advance(a.tickInterval());
            a.tick();
            Thread.sleep(50);
        }
        await().atMost(Duration.ofSeconds(10)).until(a::isSubscribed);
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
            AibotLongConnection a = instance(fast, redis);
            AibotLongConnection b = instance(fast, redis);
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
