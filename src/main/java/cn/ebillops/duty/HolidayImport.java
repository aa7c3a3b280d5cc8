package cn.ebillops.duty;

import cn.ebillops.audit.AuditEntry;
import cn.ebillops.audit.AuditTrail;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigNode;
import cn.ebillops.config.Person;
import cn.ebillops.config.Role;
import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.wording.Wording;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Importing next year's holidays from the State Council's notice, for administrators only (checked here, not
 * only in the command): read the pasted notice and show the calendar; on confirmation write
 * bot-config/holidays/YYYY.yaml (temp file and atomic move, never over an existing year unless asked), load it
 * into the running calendar and put it on record. The file waiting for confirmation is kept in the shared store
 * for {@link #PENDING} — it survives a restart and any instance can confirm it — and it is exactly the text that
 * will be written.
 */
@Service
class HolidayImport {

    private static final Logger log = LoggerFactory.getLogger(HolidayImport.class);
    static final Duration PENDING = Duration.ofHours(24);
    private static final String KEY = "duty:holidays:pending:";

    private final HolidayCalendar calendar;
    private final BotConfigFiles files;
    private final KeyValueStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final Wording wording;

    HolidayImport(HolidayCalendar calendar, BotConfigFiles files, KeyValueStore store, AuditTrail audit, Clock clock,
                  Wording wording) {
        this.calendar = calendar;
        this.files = files;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.wording = wording;
    }

    /** The caller is not an administrator; the message is for people. */
    static class ImportRefused extends RuntimeException {
        ImportRefused(String message) {
            super(message);
        }
    }

    String usage(Person caller) {
        requireAdmin(caller);
        return wording.text("duty.holidays.usage", "hours", PENDING.toHours());
    }

    String years(Person caller) {
        requireAdmin(caller);
        String years = calendar.knownYears().stream().map(String::valueOf).collect(Collectors.joining("、"));
        return wording.text("duty.holidays.years", "years", years.isEmpty() ? wording.text("duty.holidays.none") : years);
    }

    String preview(Person caller, String noticeText) {
        requireAdmin(caller);
        HolidayNotice notice;
        try {
            notice = HolidayNoticeParser.parse(noticeText);
        } catch (HolidayNoticeException e) {
            return wording.text("duty.holidays.unreadable", "problems",
                    e.problems().stream().map(p -> "> " + p).collect(Collectors.joining("\n")));
        }
        int year = notice.year();
        String lines = lines(notice.holidays());
        if (calendar.knows(year) && calendar.all().stream().filter(h -> h.year() == year).toList().equals(notice.holidays())) {
            return wording.text("duty.holidays.same", "year", year, "lines", lines);
        }
        String yaml = HolidayYaml.render(notice, caller.userId(), LocalDate.now(clock));
        HolidayCalendarLoader.parseYear(year, node(year, yaml)); // the file must load at the next start too
        store.delete(KEY + year);
        store.setIfAbsent(KEY + year, yaml, PENDING);
        String confirm = Files.exists(file(year)) ? wording.text("duty.holidays.confirmReplace", "year", year)
                : wording.text("duty.holidays.confirm", "year", year, "hours", PENDING.toHours());
        return wording.text("duty.holidays.preview", "year", year, "lines", lines, "confirm", confirm);
    }

    String confirm(Person caller, int year, boolean overwrite) {
        requireAdmin(caller);
        String yaml = store.get(KEY + year);
        if (yaml == null) {
            return wording.text("duty.holidays.noPending", "year", year, "hours", PENDING.toHours());
        }
        Path file = file(year);
        boolean existed = Files.exists(file);
        if (existed && !overwrite) {
            return wording.text("duty.holidays.exists", "year", year);
        }
        List<Holiday> holidays = HolidayCalendarLoader.parseYear(year, node(year, yaml));
        try {
            write(file, yaml);
        } catch (IOException e) {
            log.error("cannot write holiday file {}: {}", file, e.toString());
            return wording.text("duty.holidays.writeFailed", "year", year, "reason", e.getClass().getSimpleName(),
                    "dir", file.getParent());
        }
        calendar.put(year, holidays);
        store.delete(KEY + year);
        log.info("holiday calendar {} written by {} (replaced: {})", year, caller.userId(), existed);
        audit.record(AuditEntry.change(caller.userId(), "holidays.write", "bot-config/holidays/" + year + ".yaml",
                existed ? "已有文件（已替换）" : null, summary(holidays)));
        return wording.text("duty.holidays.written", "year", year, "lines", lines(holidays));
    }

    private void requireAdmin(Person caller) {
        if (caller.role() != Role.ADMIN) {
            throw new ImportRefused(wording.text("duty.holidays.refused", "role", caller.role().label()));
        }
    }

    private Path file(int year) {
        return files.resolve(HolidayCalendarLoader.DIR).resolve(year + ".yaml");
    }

    /** Temp file beside the target, then one rename: a reader (or a crash) sees the old file or the whole new one. */
    private static void write(Path file, String yaml) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static ConfigNode node(int year, String yaml) {
        return BotConfigFiles.parse(HolidayCalendarLoader.DIR + "/" + year + ".yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private String lines(List<Holiday> holidays) {
        return holidays.stream().map(h -> wording.text("duty.holidays.line", "name", h.name(),
                "span", DutyText.holidaySpan(h, wording))).collect(Collectors.joining());
    }

    private static String summary(List<Holiday> holidays) {
        return holidays.stream().map(h -> h.name() + " " + h.firstDay() + "~" + h.lastDay()
                + (h.makeUpWorkdays().isEmpty() ? "" : " 上班" + h.makeUpWorkdays())).collect(Collectors.joining("；"));
    }
}
