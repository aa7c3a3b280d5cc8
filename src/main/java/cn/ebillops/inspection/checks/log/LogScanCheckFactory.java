package cn.ebillops.inspection.checks.log;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.config.ConfigNode;
import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckFactory;
import cn.ebillops.inspection.CheckStateStore;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.TargetBasics;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * kind: log. {@code files: [..]} (required), {@code patterns} (regexes; default ERROR/FATAL/
 * Exception/ORA-nnnnn), {@code charset} (UTF-8; GBK for many Chinese systems), {@code staleAfter}
 * (24h), {@code warnCount} (1), {@code failCount} (50), {@code maxBytesPerRun} (10485760).
 */
@Component
public class LogScanCheckFactory implements CheckFactory {

    static final List<String> DEFAULT_PATTERNS = List.of("\\bERROR\\b", "\\bFATAL\\b", "Exception\\b", "ORA-\\d{5}");
    private final CheckStateStore state;
    private final Clock clock;
    private final PiiMasker masker;
    private final String applicationName;

    /** {@code applicationName}: this assistant's name in its own log lines, to leave out its own stop. */
    public LogScanCheckFactory(CheckStateStore state, Clock clock, PiiMasker masker,
                               @Value("${spring.application.name:}") String applicationName) {
        this.state = state;
        this.clock = clock;
        this.masker = masker;
        this.applicationName = applicationName;
    }

    @Override
    public String kind() {
        return "log";
    }

    @Override
    public List<Check> create(ConfigNode t) {
        TargetBasics basics = TargetBasics.read(t, InspectionScope.LOGS);
        List<String> files = t.strings("files");
        if (files.isEmpty()) {
            throw t.error("files", "(空)", "至少一个日志文件路径");
        }
        List<String> raw = t.has("patterns") ? t.strings("patterns") : DEFAULT_PATTERNS;
        List<Pattern> patterns = raw.stream().map(p -> {
            try {
                return Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw t.error("patterns", p, "正则表达式（" + e.getDescription() + "）");
            }
        }).toList();
        Charset charset;
        try {
            charset = Charset.forName(t.string("charset", "UTF-8"));
        } catch (RuntimeException e) {
            throw t.error("charset", t.string("charset"), "字符集名，如 UTF-8、GBK");
        }
        int warn = t.integer("warnCount", 1, 1, Integer.MAX_VALUE);
        var settings = new LogScanCheck.Settings(files.stream().map(Path::of).toList(), patterns, charset,
                t.duration("staleAfter", Duration.ofHours(24)), warn,
                t.integer("failCount", 50, warn, Integer.MAX_VALUE),
                t.integer("maxBytesPerRun", 10 * 1024 * 1024, 1024, 512 * 1024 * 1024));
        return List.of(new LogScanCheck(basics, settings, state, clock, masker::mask, applicationName));
    }
}
