package cn.ebillops.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {

    // Behaviour only: how long a run takes belongs in scripts/bench-*, not in a unit test's assertion.

    /** Returns only once the monotonic clock has moved on by {@code atLeast}; reports no elapsed time itself. */
    private static Check runningAtLeast(String name, Duration atLeast) {
        return new SimpleCheck("test:" + name, "测试检查 " + name, List.of(8),
                TestChecks.target(name, InspectionScope.DISK, Duration.ofSeconds(5))) {
            @Override
            public CheckResult run() {
                long until = System.nanoTime() + atLeast.toNanos();
                while (System.nanoTime() - until < 0) {
                    Thread.onSpinWait();
                }
                return result(CheckStatus.OK).evidence("一切正常").build();
            }
        };
    }

    @Test
    void hungCheckThatIgnoresInterruptsIsReportedAsATimeoutErrorAndTheOthersComplete() {
        try (CheckRunner runner = new CheckRunner(Duration.ofSeconds(30))) {
            List<CheckResult> results = runner.run(List.of(TestChecks.hung("hang", Duration.ofMillis(300), true),
                    TestChecks.ok("a", InspectionScope.DISK), TestChecks.ok("b", InspectionScope.DB)));

            assertThat(results).extracting(CheckResult::status)
                    .containsExactly(CheckStatus.ERROR, CheckStatus.OK, CheckStatus.OK);
            // its own timeout cut it, not the 30 s overall deadline
            assertThat(results.get(0).evidence()).contains("检查超时").doesNotContain("巡检总时限");
        }
    }

    @Test
    void overallDeadlineCutsChecksWhoseOwnTimeoutIsLonger() {
        try (CheckRunner runner = new CheckRunner(Duration.ofMillis(500))) {
            List<CheckResult> results = runner.run(List.of(TestChecks.hung("slow", Duration.ofMinutes(5), false),
                    TestChecks.ok("a", InspectionScope.DISK)));

            assertThat(results.get(0).status()).isEqualTo(CheckStatus.ERROR);
            assertThat(results.get(0).evidence()).contains("巡检总时限");
            assertThat(results.get(1).status()).isEqualTo(CheckStatus.OK);
        }
    }

    @Test
    void throwingCheckBecomesErrorWithTheReason() {
        try (CheckRunner runner = new CheckRunner(Duration.ofSeconds(10))) {
            List<CheckResult> results = runner.run(List.of(TestChecks.throwing("x"), TestChecks.ok("a", InspectionScope.DISK)));

            assertThat(results.get(0).status()).isEqualTo(CheckStatus.ERROR);
            assertThat(results.get(0).status().label()).isEqualTo("无法检查");
            assertThat(results.get(0).evidence()).contains("连接被拒绝");
            assertThat(results.get(1).status()).isEqualTo(CheckStatus.OK);
        }
    }

    @Test
    void keepsTheOrderOfTheChecksAndMeasuresElapsedTime() {
        try (CheckRunner runner = new CheckRunner(Duration.ofSeconds(10))) {
            List<CheckResult> results = runner.run(List.of(TestChecks.ok("a", InspectionScope.DISK),
                    TestChecks.status("b", CheckStatus.FAIL, "95.00"), runningAtLeast("c", Duration.ofMillis(20))));
            assertThat(results).extracting(CheckResult::checkId).containsExactly("test:a", "test:b", "test:c");
            assertThat(results.get(1).figures()).containsEntry("最高使用率(%)", "95.00");
            // The check reports no time of its own (zero); the runner records how long it ran. The
            // lower bound is one the check itself enforces, so this is behaviour, not speed.
            assertThat(results.get(2).elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(20));
        }
    }
}
