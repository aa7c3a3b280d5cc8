package cn.ebillops.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A start that fails on the configuration prints the problems in Chinese, one per line, instead
 * of a hundred lines of stack trace (registered in META-INF/spring.factories). With --debug or
 * EBILLOPS_DEBUG=1 it steps aside and Spring prints the whole stack trace as usual.
 */
class ConfigFailureAnalyzer extends AbstractFailureAnalyzer<ConfigException> {

    private final Environment environment;

    ConfigFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigException cause) {
        if (environment.getProperty("debug", Boolean.class, false)
                || "1".equals(environment.getProperty("EBILLOPS_DEBUG"))) {
            return null;
        }
        StringBuilder report = new StringBuilder("配置有 %d 处错误，助手没有启动：".formatted(cause.problems().size()));
        cause.problems().forEach(p -> report.append('\n').append(p.message()));
        return new FailureAnalysis(report.toString(),
                "改正以上各处后重新启动；启动前可用 scripts/check-config.sh 检查配置。"
                        + "需要完整的异常堆栈时加 --debug 或设置环境变量 EBILLOPS_DEBUG=1。", cause);
    }
}
