package cn.ebillops.ebill.check;

import cn.ebillops.ebill.EbillService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Capture files in {@code <data-dir>/captures/ebill-<target>-<yyyyMMdd-HHmmss>.json}: written by
 * scripts/ebill-capture.sh, read by the e-bill checks to say which of their services a capture on
 * the real platform confirmed. {@link #NONE} (no data directory known) says nothing.
 */
final class CaptureFiles {

    static final CaptureFiles NONE = new CaptureFiles(null);
    private static final Logger log = LoggerFactory.getLogger(CaptureFiles.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;

    private CaptureFiles(Path dir) {
        this.dir = dir;
    }

    /** Captures under the assistant's data directory ({@code ebillops.data-dir}); null: none. */
    static CaptureFiles under(String dataDir) {
        return dataDir == null || dataDir.isBlank() ? NONE : new CaptureFiles(Path.of(dataDir, "captures"));
    }

    Path write(String target, OffsetDateTime at, JsonNode document) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("ebill-" + safe(target) + "-" + STAMP.format(at) + ".json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document), StandardCharsets.UTF_8);
        return file;
    }

    Optional<Path> newest(String target) {
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        // exact name then the stamp: target "A" must not pick up the captures of target "A-B"
        Pattern name = Pattern.compile(Pattern.quote("ebill-" + safe(target) + "-") + "\\d{8}-\\d{6}\\.json");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> name.matcher(p.getFileName().toString()).matches())
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            log.warn("cannot list e-bill captures in {}: {}", dir, e.toString());
            return Optional.empty();
        }
    }

    /**
     * One evidence line on the read-only services a check called: confirmed by the newest capture
     * (its date), not confirmed (with the capture's verdict), or no capture yet. "" without a data
     * directory or when the check called no service a capture covers.
     */
    String note(String target, Collection<EbillService> called) {
        List<String> services = called.stream().filter(EbillCapture.READ_ONLY::contains).map(EbillService::serviceName)
                .distinct().toList();
        if (this == NONE || services.isEmpty()) {
            return "";
        }
        Optional<Path> file = newest(target);
        if (file.isEmpty()) {
            return "尚未用现场采集确认接口形状（%s；见 docs/go-live.md“电子票据平台现场采集”）".formatted(String.join("、", services));
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(Files.readString(file.get(), StandardCharsets.UTF_8));
        } catch (IOException | JacksonException e) {
            log.warn("cannot read e-bill capture {}: {}", file.get(), e.toString());
            return "现场采集文件 %s 无法读取（%s），请重新采集".formatted(file.get().getFileName(), e.getClass().getSimpleName());
        }
        String day = doc.path("capturedAt").asString("").length() >= 10 ? doc.path("capturedAt").asString().substring(0, 10) : "?";
        Map<String, String> verdicts = new HashMap<>();
        doc.path("services").forEach(s -> verdicts.put(s.path("service").asString(""), s.path("verdict").asString("")));
        List<String> confirmed = new ArrayList<>();
        List<String> not = new ArrayList<>();
        for (String s : services) {
            String v = verdicts.get(s);
            if (EbillCapture.PASSED.equals(v)) {
                confirmed.add(s);
            } else {
                not.add(s + "（" + (v == null ? "未采集" : v) + "）");
            }
        }
        List<String> parts = new ArrayList<>();
        if (!confirmed.isEmpty()) {
            parts.add("接口形状已由 %s 的现场采集确认（%s）".formatted(day, String.join("、", confirmed)));
        }
        if (!not.isEmpty()) {
            parts.add("%s 的现场采集未确认：%s".formatted(day, String.join("、", not)));
        }
        return String.join("；", parts);
    }

    /** A target name as part of a file name: letters (Chinese too), digits, dot, dash; anything else "_". */
    static String safe(String target) {
        return target.replaceAll("[^\\p{L}\\p{N}._-]+", "_");
    }
}
