package cn.ebillops.inspection;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a {@link CheckResult} for a check; the runner fills in the elapsed time. */
public final class ResultBuilder {

    private final Check check;
    private CheckStatus status;
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final StringBuilder evidence = new StringBuilder();
    private String suggestion = "";

    public ResultBuilder(Check check, CheckStatus status) {
        this.check = check;
        this.status = status;
    }

    public ResultBuilder figure(String key, Object value) {
        figures.put(key, String.valueOf(value));
        return this;
    }

    public ResultBuilder evidence(String line) {
        if (!evidence.isEmpty()) {
            evidence.append('\n');
        }
        evidence.append(line);
        return this;
    }

    public ResultBuilder suggestion(String text) {
        suggestion = text;
        return this;
    }

    /** Raises the status when {@code s} is worse. */
    public ResultBuilder atLeast(CheckStatus s) {
        if (s.compareTo(status) > 0) {
            status = s;
        }
        return this;
    }

    public CheckStatus status() {
        return status;
    }

    public CheckResult build() {
        return new CheckResult(check.id(), check.name(), check.contractItems(), check.target(), status,
                figures, evidence.toString(), suggestion, Duration.ZERO);
    }

    public static CheckResult error(Check check, String reason, Duration elapsed) {
        return new CheckResult(check.id(), check.name(), check.contractItems(), check.target(), CheckStatus.ERROR,
                Map.of(), reason, "确认目标可达、配置正确后重新巡检。", elapsed);
    }
}
