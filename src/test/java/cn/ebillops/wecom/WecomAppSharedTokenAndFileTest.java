package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.infra.InMemoryKeyValueStore;
import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.infra.RedisDownStore;
import cn.ebillops.infra.RetryPolicy;
import cn.ebillops.sandbox.wecom.WecomStandIn;
import cn.ebillops.sandbox.wecom.StandInMedia;
import java.time.Clock;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The app client through WxJava against the stand-in: the access token is fetched once for every
 * instance sharing a store (and refreshed once for all of them), the token survives Redis being down,
 * and a file arrives byte for byte.
 */
class WecomAppSharedTokenAndFileTest extends WecomStandInTestBase {

    @Autowired WecomProperties props;
    @Autowired Environment env;
    @Autowired Clock clock;
    @Autowired StandInMedia media;

    /** Another instance of the assistant: its own client (own WxJava service and pool), the given store. */
    private WecomAppClient instance(KeyValueStore sharedStore) {
        return new WecomAppClient(props, new WecomEndpoints(props, env, null), sharedStore, clock, new RetryPolicy());
    }

    @Test
    void twoInstancesSharingOneStoreFetchTheTokenOnceAndRefreshItOnce() {
        settle();
        KeyValueStore shared = new InMemoryKeyValueStore(clock);
        String user = unique("u_shared_");
        try (WecomAppClient a = instance(shared); WecomAppClient b = instance(shared)) {
            int before = standIn.tokensIssued();
            a.sendMarkdown(user, "一");
            b.sendMarkdown(user, "二");
            assertThat(standIn.tokensIssued()).as("one gettoken for both instances").isEqualTo(before + 1);

            standIn.expireTokens(); // WeCom answers 42001 to the shared token
            a.sendMarkdown(user, "三");
            b.sendMarkdown(user, "四");
            assertThat(standIn.tokensIssued()).as("refreshed once, by the first instance to hit 42001")
                    .isEqualTo(before + 2);
        }
        assertThat(standIn.received(user, "app")).extracting(WecomStandIn.Received::text)
                .containsExactly("一", "二", "三", "四");
    }

    @Test
    void aNewInstanceUsesTheTokenTheRunningOneKeepsInRedis() {
        String user = unique("u_redis_");
        appClient.sendMarkdown(user, "一");
        int before = standIn.tokensIssued();
        try (WecomAppClient other = instance(store)) {
            other.sendMarkdown(user, "二");
        }
        assertThat(standIn.tokensIssued()).as("the token in the shared store is used").isEqualTo(before);
        assertThat(standIn.received(user, "app")).hasSize(2);
    }

    @Test
    void withRedisDownTheTokenIsSharedThroughTheDatabaseAndMessagesGoOut() {
        settle();
        KeyValueStore redisDown = RedisDownStore.over(new InMemoryKeyValueStore(clock), clock);
        String user = unique("u_down_");
        try (WecomAppClient a = instance(redisDown); WecomAppClient b = instance(redisDown)) {
            int before = standIn.tokensIssued();
            a.sendMarkdown(user, "一");
            b.sendMarkdown(user, "二");
            assertThat(standIn.tokensIssued()).isEqualTo(before + 1);
        }
        assertThat(standIn.received(user, "app")).extracting(WecomStandIn.Received::text).containsExactly("一", "二");
    }

    @Test
    void aFileArrivesByteForByteUnderItsName() {
        String user = unique("u_file_");
        byte[] report = new byte[300 * 1024];
        new Random(15).nextBytes(report);
        appClient.sendFile(user, "巡检报告-2026-11-25.docx", report);

        assertThat(media.files(user)).singleElement().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("巡检报告-2026-11-25.docx");
            assertThat(f.content()).isEqualTo(report);
        });
        assertThat(standIn.received(user, "app")).extracting(WecomStandIn.Received::text)
                .containsExactly("[文件] 巡检报告-2026-11-25.docx");
    }

    @Test
    void aFileWecomWouldRefuseIsRefusedWithoutAnUpload() {
        String user = unique("u_file_");
        int uploads = media.httpUploads();
        assertThatThrownBy(() -> appClient.sendFile(user, "empty.docx", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("文件太小");
        assertThatThrownBy(() -> appClient.sendFile(user, "huge.docx", new byte[WecomFiles.MAX_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("文件太大");
        assertThat(media.httpUploads()).isEqualTo(uploads);
        assertThat(media.files(user)).isEmpty();
    }
}
