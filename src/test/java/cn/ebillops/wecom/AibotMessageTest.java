package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.assistant.nlu.TestClassifiers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/** What the assistant reads of a message body beyond plain text: WeCom's voice transcript and a quote. */
class AibotMessageTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private AibotMessage parse(String json) {
        return AibotMessage.parse(mapper, json);
    }

    @Test
    void aVoiceMessageIsReadAsItsTranscript() {
        AibotMessage m = parse("""
                {"msgid":"m1","chattype":"single","from":{"userid":"chenxia"},"msgtype":"voice",
                 "voice":{"content":"收费处开不了票"}}""");
        assertThat(m.text()).isEqualTo("收费处开不了票");
        assertThat(m.isUserText()).isTrue();
    }

    @Test
    void aQuotedReplyKeepsTheQuotedTextAsContextAndIsAFollowUpOnThatIncident() {
        AibotMessage m = parse("""
                {"msgid":"m2","chattype":"group","chatid":"wr_1","from":{"userid":"chenxia"},"msgtype":"text",
                 "text":{"content":"这个解决了没"},"quote":{"msgtype":"text","text":{"content":"开票失败"}}}""");
        assertThat(m.text()).isEqualTo("「开票失败」这个解决了没");
        assertThat(TestClassifiers.real().classify(m.text()).intent()).isEqualTo(Intent.INCIDENT_FOLLOWUP);

        AibotMessage quotedVoice = parse("""
                {"msgid":"m3","msgtype":"text","text":{"content":"@助手 还没好吗"},
                 "quote":{"msgtype":"voice","voice":{"content":"签名服务器连不上"}}}""");
        assertThat(quotedVoice.text()).isEqualTo("「签名服务器连不上」@助手 还没好吗");
    }
}
