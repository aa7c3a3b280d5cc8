package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.ebillops.sandbox.ebill.EbillFaults;
import cn.ebillops.sandbox.ebill.EbillPlatformStandIn;
import cn.ebillops.sandbox.wecom.StandInStreams;
import cn.ebillops.sandbox.DemoTargetsCopy;
import cn.ebillops.testsupport.TestBotConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 15 item 3 end to end: a group message whose answer runs checks ("/inspect 接口": the e-bill interface
 * checks, run while the answer waits) gets a placeholder stream frame ("正在检查……") first, then the finished
 * answer in the same stream, as WeCom's stand-in records the frames on the long connection. The checks run
 * against the in-app e-bill stand-in, made slow with its injectable fault so the answer is certainly not ready
 * when the placeholder is due (300 ms), whatever the machine's speed. ("开票失败" would not do: its answer is the
 * incident number at once, the diagnosis's checks run afterwards and are posted separately.)
 *
 * <p>Its own context: the test targets name the demo port 18081, and when another build on this machine holds
 * it the in-app stand-in moves to a free port while the checks still go to 18081, to the other build's
 * stand-in, which this test cannot slow down. Here both stand-ins get ports picked for this context and the
 * targets are a copy pointing at them.
 */
class AibotPlaceholderTest extends WecomStandInTestBase {

    /** Longer than the placeholder's 300 ms many times over; the checks' own timeouts are longer still. */
    private static final long SLOW_EBILL_MS = 1500;
    private static final int EBILL_PORT = freePort();
    private static final int SIGNING_PORT = freePort();

    @Autowired EbillPlatformStandIn ebill;

    @DynamicPropertySource
    static void standInsOnTheirOwnPorts(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("placeholder-bot-config");
        FileSystemUtils.copyRecursively(TestBotConfig.DIR, dir);
        DemoTargetsCopy.write(dir, EBILL_PORT, SIGNING_PORT, UnaryOperator.identity());
        registry.add("ebillops.config-dir", dir::toString);
        registry.add("ebillops.sandbox.ebill.port", () -> EBILL_PORT);
        registry.add("ebillops.sandbox.signing.port", () -> SIGNING_PORT);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void holdingTheConnectionWithASlowEbillPlatform() throws IOException {
        assertThat(ebill.port()).as("the e-bill stand-in on the port the targets name (else it was taken meanwhile)")
                .isEqualTo(EBILL_PORT);
        await().atMost(Duration.ofSeconds(15)).until(aibot::isSubscribed);
        ebill.setFaults(EbillFaults.slow(SLOW_EBILL_MS));
    }

    @AfterEach
    void ebillPlatformWell() throws IOException {
        ebill.clearFaults();
    }

    @Test
    void anAnswerThatRunsChecksShowsThePlaceholderFirstThenFinishesTheSameStream() {
        String chat = unique("wr_placeholder_");
        int ebillRequests = ebill.serviceRequests();
        assertThat(socket.userMessage(chat, "group", "chenxia", "@助手 /inspect 接口", unique("msg-"))).isTrue();

        await("the finished answer in " + chat).atMost(Duration.ofSeconds(30))
                .until(() -> socket.streams().frames(chat).stream().anyMatch(StandInStreams.Frame::finish));
        List<StandInStreams.Frame> frames = socket.streams().frames(chat);

        assertThat(ebill.serviceRequests()).as("the answer ran checks against the e-bill platform")
                .isGreaterThan(ebillRequests);
        StandInStreams.Frame first = frames.get(0);
        assertThat(first.finish()).as("the first frame leaves the stream open").isFalse();
        assertThat(first.content()).isEqualTo("正在检查……");
        StandInStreams.Frame last = frames.get(frames.size() - 1);
        assertThat(last.finish()).isTrue();
        assertThat(last.content()).as("the inspection's summary, not the placeholder")
                .contains("/api/reports/inspections/");
        assertThat(frames).as("one stream from placeholder to answer").extracting(StandInStreams.Frame::streamId)
                .containsOnly(first.streamId());
        assertThat(frames).filteredOn(StandInStreams.Frame::finish).as("finished once").hasSize(1);
    }
}
