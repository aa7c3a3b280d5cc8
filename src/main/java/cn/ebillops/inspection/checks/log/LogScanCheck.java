package cn.ebillops.inspection.checks.log;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStateStore;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.ResultBuilder;
import cn.ebillops.inspection.SimpleCheck;
import cn.ebillops.inspection.TargetBasics;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Item 9: scans what was appended to each log file since the last run (position and file
 * identity kept in {@link CheckStateStore}), counts lines matching the error patterns, lists
 * the most frequent distinct errors, and notices a log that stopped growing. Rotation (a new
 * inode or a file shorter than the kept position) restarts at the beginning of the new file.
 */
class LogScanCheck extends SimpleCheck {

    public record Settings(List<Path> files, List<Pattern> patterns, Charset charset, Duration staleAfter,
                           int warnCount, int failCount, long maxBytesPerRun) {
        public Settings {
            files = List.copyOf(files);
            patterns = List.copyOf(patterns);
        }
    }

    private static final Pattern VOLATILE = Pattern.compile("\\d+");
    private static final int SHOWN_CHARS = 200;
    private final Settings settings;
    private final CheckStateStore state;
    private final Clock clock;
    private final UnaryOperator<String> masker;
    private final String applicationName;

    public LogScanCheck(TargetBasics target, Settings settings, CheckStateStore state, Clock clock,
                        UnaryOperator<String> masker, String applicationName) {
        super(target.id("log"), "系统日志", List.of(9), target);
        this.settings = settings;
        this.state = state;
        this.clock = clock;
        this.masker = masker;
        this.applicationName = applicationName;
    }

    /** One distinct error: how often, and the first line seen, patient data masked, digits kept. */
    private static final class Seen {
        final String example;
        int count;

        Seen(String example) {
            this.example = example;
        }
    }

    @Override
    public CheckResult run() throws IOException {
        ResultBuilder r = result(CheckStatus.OK);
        int totalErrors = 0;
        Map<String, Seen> distinct = new LinkedHashMap<>();
        for (Path file : settings.files()) {
            totalErrors += scan(file, r, distinct);
        }
        r.figure("错误行数", totalErrors);
        r.figure("不同错误数", distinct.size());
        if (totalErrors >= settings.failCount()) {
            r.atLeast(CheckStatus.FAIL);
        } else if (totalErrors >= settings.warnCount()) {
            r.atLeast(CheckStatus.WARN);
        }
        List<Seen> top = distinct.values().stream()
                .sorted(Comparator.comparingInt((Seen e) -> e.count).reversed()).limit(5).toList();
        int i = 1;
        for (Seen e : top) {
            r.evidence("错误 Top%d（%d 次）：%s".formatted(i++, e.count, e.example));
        }
        if (totalErrors > 0) {
            r.suggestion("按出现次数排查日志中的错误（Top 1：%s）；确认是否影响开票和接口。"
                    .formatted(top.get(0).example));
        } else if (r.status() == CheckStatus.WARN) {
            r.suggestion("日志停止增长：确认应用进程仍在运行、日志配置未被修改、磁盘未满。");
        }
        return r.build();
    }

    private int scan(Path file, ResultBuilder r, Map<String, Seen> distinct) throws IOException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            r.atLeast(CheckStatus.ERROR).evidence(file + " 不存在或不是文件，无法检查");
            return 0;
        }
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        String identity = String.valueOf(attrs.fileKey() != null ? attrs.fileKey() : attrs.creationTime());
        long size = attrs.size();
        String key = file.toAbsolutePath().toString();
        long position = state.get(id(), key + "#pos").map(Long::parseLong).orElse(-1L);
        String oldIdentity = state.get(id(), key + "#id").orElse(null);

        long from;
        if (position < 0) {
            from = Math.max(0, size - settings.maxBytesPerRun());
            r.evidence("%s：首次扫描，从 %s 开始".formatted(name, from == 0 ? "文件开头" : "末尾 " + settings.maxBytesPerRun() + " 字节"));
        } else if (!identity.equals(oldIdentity) || size < position) {
            from = 0;
            r.evidence("%s：日志已轮转（文件%s），从新文件开头扫描".formatted(name,
                    identity.equals(oldIdentity) ? "变短" : "已更换"));
        } else {
            from = position;
        }
        if (size - from > settings.maxBytesPerRun()) {
            r.evidence("%s：新增 %d 字节，超过单次上限，只扫描最后 %d 字节".formatted(name, size - from,
                    settings.maxBytesPerRun()));
            from = size - settings.maxBytesPerRun();
        }

        int errors = 0;
        if (position >= 0 && !identity.equals(oldIdentity) && oldIdentity != null) {
            errors += scanRotatedTail(file, oldIdentity, position, r, distinct);
        }
        long[] scanned = scanRange(file, from, size, distinct);
        errors += (int) scanned[1];
        long newPosition = scanned[0];
        Instant modified = attrs.lastModifiedTime().toInstant();
        Duration silent = Duration.between(modified, clock.instant());
        r.figure(name + " 新增字节", newPosition - from);
        r.figure(name + " 错误行数", errors);
        if (silent.compareTo(settings.staleAfter()) > 0) {
            r.atLeast(CheckStatus.WARN).evidence("%s：已 %d 小时未增长（最后修改 %s），应用可能已停止写日志"
                    .formatted(name, silent.toHours(), modified));
        }
        state.put(id(), key + "#pos", Long.toString(newPosition));
        state.put(id(), key + "#id", identity);
        return errors;
    }

    /**
     * After rotation, the lines written to the old file between the last run and the rotation are
     * in the renamed file (app.log.1…): find it by its identity and read its tail.
     */
    private int scanRotatedTail(Path file, String oldIdentity, long position, ResultBuilder r,
                                Map<String, Seen> distinct) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String base = file.getFileName().toString();
        try (var siblings = Files.list(dir)) {
            for (Path p : siblings.filter(x -> !x.getFileName().toString().equals(base)
                    && x.getFileName().toString().startsWith(base)).toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (a.fileKey() != null && oldIdentity.equals(String.valueOf(a.fileKey())) && a.size() > position) {
                    long from = Math.max(position, a.size() - settings.maxBytesPerRun());
                    r.evidence("%s：补扫轮转前写入 %s 的 %d 字节".formatted(base, p.getFileName(), a.size() - from));
                    return (int) scanRange(p, from, a.size(), distinct)[1];
                }
            }
        }
        return 0;
    }

    /** Reads whole lines in [from, to); returns {position after the last whole line, error lines}. */
    private long[] scanRange(Path file, long from, long to, Map<String, Seen> distinct) throws IOException {
        if (to <= from) {
            return new long[]{from, 0};
        }
        byte[] buf = new byte[(int) (to - from)];
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(from);
            raf.readFully(buf);
        }
        // Only whole lines: a line still being written is read next time.
        int end = buf.length;
        while (end > 0 && buf[end - 1] != '\n') {
            end--;
        }
        int errors = 0;
        OwnShutdown ownShutdown = new OwnShutdown(applicationName);
        for (String line : new String(buf, 0, end, settings.charset()).split("\\R")) {
            if (!ownShutdown.during(line) && settings.patterns().stream().anyMatch(p -> p.matcher(line).find())) {
                errors++;
                String masked = masker.apply(line.strip());
                distinct.computeIfAbsent(VOLATILE.matcher(masked).replaceAll("#"), k -> new Seen(shown(masked))).count++;
            }
        }
        return new long[]{from + end, errors};
    }

    /**
     * Same error, different numbers (times, ids, line numbers) is one distinct entry (keyed with the
     * digits replaced); the report shows its first line as written, so error codes, ports and times
     * stay readable, with patient data masked.
     */
    private static String shown(String masked) {
        return masked.length() > SHOWN_CHARS ? masked.substring(0, SHOWN_CHARS) + "…" : masked;
    }
}
