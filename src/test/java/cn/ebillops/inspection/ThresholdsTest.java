package cn.ebillops.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The contract's usage limit (&lt; 90 %) and the warning before it. */
class ThresholdsTest {

    @Test
    void exactlyNinetyPercentIsAFailure() {
        assertThat(Thresholds.DEFAULT.classify(90.0)).isEqualTo(CheckStatus.FAIL);
        assertThat(Thresholds.DEFAULT.classify(89.99)).isEqualTo(CheckStatus.WARN);
        assertThat(Thresholds.DEFAULT.classify(100.0)).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void exactlyEightyFivePercentIsAWarningAndBelowIsNormal() {
        assertThat(Thresholds.DEFAULT.classify(85.0)).isEqualTo(CheckStatus.WARN);
        assertThat(Thresholds.DEFAULT.classify(84.99)).isEqualTo(CheckStatus.OK);
        assertThat(Thresholds.DEFAULT.classify(0)).isEqualTo(CheckStatus.OK);
    }

    @Test
    void aTargetMayConfigureItsOwnLimits() {
        Thresholds t = Thresholds.read(ConfigYaml.target("""
                targets:
                  - name: db
                    warnPercent: 70
                    failPercent: 80
                """));
        assertThat(t).isEqualTo(new Thresholds(70, 80));
        assertThat(t.classify(80)).isEqualTo(CheckStatus.FAIL);
        assertThat(t.classify(70)).isEqualTo(CheckStatus.WARN);
        assertThat(Thresholds.read(ConfigYaml.target("targets:\n  - name: db\n"))).isEqualTo(Thresholds.DEFAULT);
    }

    @Test
    void equalWarnAndFailLimitsAreAllowedButAWarningAboveTheFailureIsNot() {
        assertThat(Thresholds.read(ConfigYaml.target("targets:\n  - name: db\n    warnPercent: 90\n    failPercent: 90\n")))
                .isEqualTo(new Thresholds(90, 90));
        assertThatThrownBy(() -> Thresholds.read(ConfigYaml.target(
                "targets:\n  - name: db\n    warnPercent: 91\n    failPercent: 90\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("warnPercent").hasMessageContaining("failPercent");
    }

    @Test
    void percentagesShowTwoDecimalsSoThatAlmostNinetyIsNotShownAsNinety() {
        assertThat(Thresholds.pct(89.996)).isEqualTo("90.00");
        assertThat(Thresholds.pct(89.6)).isEqualTo("89.60");
        assertThat(Thresholds.pct(12.345)).isEqualTo("12.35");
    }

    @Test
    void percentOfAnEmptyOrUnknownTotalIsZero() {
        assertThat(Thresholds.percent(9, 10)).isEqualTo(90.0);
        assertThat(Thresholds.percent(5, 0)).isZero();
        assertThat(Thresholds.percent(5, -1)).isZero();
        assertThat(Thresholds.percent(1, 3)).isCloseTo(33.333, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void bytesReadInTheLargestUnitBelow1024() {
        assertThat(Thresholds.bytes(0)).isEqualTo("0 B");
        assertThat(Thresholds.bytes(1023)).isEqualTo("1023 B");
        assertThat(Thresholds.bytes(1024)).isEqualTo("1.00 KB");
        assertThat(Thresholds.bytes(1536)).isEqualTo("1.50 KB");
        assertThat(Thresholds.bytes(1024L * 1024 * 1024 * 3)).isEqualTo("3.00 GB");
        assertThat(Thresholds.bytes(1024L * 1024 * 1024 * 1024 * 2048)).isEqualTo("2048.00 TB");
        assertThat(Thresholds.bytes(-2048)).isEqualTo("-2.00 KB");
    }
}
