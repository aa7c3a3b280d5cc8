package cn.ebillops.assistant.nlu;

import cn.ebillops.contract.Area;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigException;
import cn.ebillops.testsupport.TestBotConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExemplarFileTest {

    private static final String OTHERS = """
              - intent: CONSULTATION
                texts: [怎么冲红]
              - intent: STATUS_QUERY
                texts: [系统正常吗]
              - intent: INSPECTION_REQUEST
                texts: [巡检一下]
              - intent: DUTY_QUERY
                texts: [谁值班]
              - intent: INCIDENT_FOLLOWUP
                texts: [好了吗]
              - intent: OTHER
                texts: [你好]
            """;

    private static ExemplarFile parse(String yaml) {
        return ExemplarFile.from(BotConfigFiles.parse(ExemplarFile.FILE,
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void shippedFileIsValidAndCoversEveryIntent() {
        ExemplarFile file = ExemplarFile.load(TestBotConfig.files());
        assertThat(file.exemplars()).extracting(Exemplar::intent).contains(Intent.values());
        assertThat(file.exemplars()).filteredOn(e -> e.intent() == Intent.FAULT_REPORT)
                .extracting(Exemplar::area).contains(Area.values());
    }

    @Test
    void unknownAreaNamesFileKeyValueAndAllowedNames() {
        assertThatThrownBy(() -> parse("""
                exemplars:
                  - intent: FAULT_REPORT
                    severity: II
                    area: PRINTING
                    texts: [打印机坏了]
                """ + OTHERS))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nlu/exemplars.yaml")
                .hasMessageContaining("exemplars[0].area")
                .hasMessageContaining("PRINTING")
                .hasMessageContaining("ISSUANCE");
    }

    @Test
    void faultGroupWithoutSeverityIsRejected() {
        assertThatThrownBy(() -> parse("""
                exemplars:
                  - intent: FAULT_REPORT
                    area: ISSUANCE
                    texts: [开不了票]
                """ + OTHERS))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("exemplars[0].severity");
    }

    @Test
    void severityOnANonFaultGroupIsRejected() {
        assertThatThrownBy(() -> parse("""
                exemplars:
                  - intent: CONSULTATION
                    severity: II
                    texts: [怎么换开]
                """ + OTHERS))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("exemplars[0].severity")
                .hasMessageContaining("FAULT_REPORT");
    }

    @Test
    void intentWithoutExemplarsIsRejected() {
        assertThatThrownBy(() -> parse("""
                exemplars:
                  - intent: OTHER
                    texts: [你好]
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("FAULT_REPORT");
    }

    @Test
    void sameSentenceWithTwoLabelsIsRejected() {
        assertThatThrownBy(() -> parse("""
                exemplars:
                  - intent: FAULT_REPORT
                    severity: II
                    area: ISSUANCE
                    texts: [开不了票]
                  - intent: FAULT_REPORT
                    severity: III
                    area: ISSUANCE
                    texts: [开不了票]
                """ + OTHERS))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("exemplars[1].texts[0]");
    }
}
