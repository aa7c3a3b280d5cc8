package cn.ebillops.audit;

import cn.ebillops.config.BotConfigFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * bot-config is read at start (a change takes effect on restart), so each start is a configuration load:
 * it goes on record with a digest of every file under bot-config, before (the last load's) and after, so
 * a changed roster, contact or threshold between two starts is visible in the audit.
 */
@Component
class ConfigLoadAuditing {

    static final String ACTION = "config.load";

    private final AuditStore store;
    private final AuditTrail trail;
    private final BotConfigFiles files;

    ConfigLoadAuditing(AuditStore store, AuditTrail trail, BotConfigFiles files) {
        this.store = store;
        this.trail = trail;
        this.files = files;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        String before = store.lastOf(ACTION).map(AuditRow::after).orElse(null);
        String after = digest(files.dir());
        trail.record(new AuditEntry("system", "system", ACTION, "bot-config", before, after,
                after.equals(before) ? "未变" : before == null ? "首次记录" : "已变更"));
    }

    /** "sha256:<first 16 hex> (N 个文件)" over the sorted relative paths and contents. */
    static String digest(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "（配置目录不存在）";
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = walk.filter(Files::isRegularFile).sorted().toList();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path p : all) {
                sha.update(dir.relativize(p).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(p));
                sha.update((byte) 0);
            }
            return "sha256:%s（%d 个文件）".formatted(HexFormat.of().formatHex(sha.digest()).substring(0, 16), all.size());
        } catch (IOException | UncheckedIOException e) {
            return "（无法读取配置目录：%s）".formatted(e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
