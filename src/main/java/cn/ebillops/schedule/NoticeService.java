package cn.ebillops.schedule;

import cn.ebillops.channel.ChatSender;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.config.BotConfig;
import cn.ebillops.config.Person;
import cn.ebillops.config.Role;
import cn.ebillops.wording.Wording;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The catch-up evaluation behind every calendar job: which occasions are due at
 * {@code clock.instant()}, which of them nobody has sent yet, and sending those once. Late ones
 * carry a note; ones that expired while the assistant was down are reported to the
 * administrators instead of being dropped silently.
 */
@Service
class NoticeService {

    private static final Logger log = LoggerFactory.getLogger(NoticeService.class);
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** How far back an evaluation looks for occasions not yet handled. */
    static final int LOOKBACK_DAYS = 45;
    static final int MAX_ATTEMPTS = 3;

    private final NoticePlanner planner;
    private final NoticeLedger ledger;
    private final Map<NoticeKind, NoticeHandler> handlers = new EnumMap<>(NoticeKind.class);
    private final ScheduleSettings settings;
    private final ChatSender sender;
    private final BotConfig config;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final Wording wording;
    /** The epoch never changes once recorded; read it once. */
    private volatile Instant epoch;

    public NoticeService(NoticePlanner planner, NoticeLedger ledger, List<NoticeHandler> handlers,
                         ScheduleSettings settings, ChatSender sender, BotConfig config, Clock clock,
                         @Value("${ebillops.schedule.claim-lease:PT30M}") Duration lease, Wording wording) {
        this.planner = planner;
        this.ledger = ledger;
        handlers.forEach(h -> h.kinds().forEach(k -> {
            if (this.handlers.putIfAbsent(k, h) != null) {
                throw new IllegalStateException("two handlers for notice kind " + k);
            }
        }));
        this.settings = settings;
        this.sender = sender;
        this.config = config;
        this.clock = clock;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.lease = lease;
        this.wording = wording;
    }

    /** What one evaluation did. */
    public record Outcome(int sent, int late, int missed, int failed) {
        static final Outcome NONE = new Outcome(0, 0, 0, 0);

        Outcome plus(Outcome o) {
            return new Outcome(sent + o.sent, late + o.late, missed + o.missed, failed + o.failed);
        }
    }

    public Outcome evaluate(ScheduledJob job) {
        return evaluate(job.kinds());
    }

    public Outcome evaluate(Set<NoticeKind> kinds) {
        Instant now = clock.instant();
        Instant since = epoch(now);
        LocalDate today = now.atZone(zone()).toLocalDate();
        List<PlannedNotice> due = planner.dueBetween(today.minusDays(LOOKBACK_DAYS), today).stream()
                .filter(n -> kinds.contains(n.kind()))
                .filter(n -> !n.dueAt().isAfter(now))
                .filter(n -> !n.dueAt().isBefore(since))
                .toList();
        Outcome total = Outcome.NONE;
        for (PlannedNotice n : due) {
            if (supersededByLaterReminder(n, due, now)) {
                continue;
            }
            total = total.plus(handle(n, now));
        }
        return total;
    }

    private Instant epoch(Instant now) {
        Instant e = epoch;
        if (e == null) {
            e = ledger.epoch(now);
            epoch = e;
        }
        return e;
    }

    /**
     * Of several reminders for one certificate due at once (after an outage) only the most urgent
     * goes out: it carries all the earlier ones said, so nothing is lost by skipping them.
     */
    private static boolean supersededByLaterReminder(PlannedNotice n, List<PlannedNotice> due, Instant now) {
        return n.kind() == NoticeKind.CA_EXPIRY && due.stream().anyMatch(o -> o.kind() == NoticeKind.CA_EXPIRY
                && o.date().equals(n.date()) && o.dueAt().isAfter(n.dueAt()));
    }

    private Outcome handle(PlannedNotice n, Instant now) {
        Optional<NoticeLedger.Entry> entry = ledger.find(n.kind(), n.occasion());
        if (entry.isPresent() && (entry.get().status() == NoticeLedger.Status.SENT
                || entry.get().status() == NoticeLedger.Status.MISSED)) {
            return Outcome.NONE;
        }
        if (!now.isBefore(n.expiresAt())) {
            if (entry.isEmpty() && ledger.recordMissed(n, owner, now)) {
                reportMissed(n);
                return new Outcome(0, 0, 1, 0);
            }
            return Outcome.NONE;
        }
        if (!ledger.claim(n, owner, now, lease, MAX_ATTEMPTS)) {
            return Outcome.NONE;
        }
        boolean late = now.isAfter(n.dueAt().plus(settings.lateAfter()));
        Optional<String> note = late ? Optional.of(lateNote(n)) : Optional.empty();
        NoticeHandler handler = handlers.get(n.kind());
        try {
            if (handler == null) {
                throw new IllegalStateException("no handler for notice kind " + n.kind());
            }
            handler.perform(n, note);
            ledger.markSent(n, owner, clock.instant(), late);
            log.info("notice {} sent{}", n.key(), late ? " late" : "");
            return new Outcome(1, late ? 1 : 0, 0, 0);
        } catch (RuntimeException e) {
            log.warn("notice {} failed: {}", n.key(), e.toString());
            ledger.markFailed(n, owner, e.toString());
            int attempts = ledger.find(n.kind(), n.occasion()).map(NoticeLedger.Entry::attempts).orElse(MAX_ATTEMPTS);
            if (attempts >= MAX_ATTEMPTS) {
                toAdmins(wording.text("schedule.notice.failed", "title", n.title(), "attempts", attempts,
                        "due", WHEN.format(n.dueAt().atZone(zone()))),
                        "notice-failed/" + n.key());
            }
            return new Outcome(0, 0, 0, 1);
        }
    }

    /** “（补发：原定 2026-09-28 09:30 发送，因助手停机延迟）”. */
    public String lateNote(PlannedNotice n) {
        return wording.text("schedule.notice.late", "due", WHEN.format(n.dueAt().atZone(zone())));
    }

    private void reportMissed(PlannedNotice n) {
        toAdmins(wording.text("schedule.notice.missed", "title", n.title(), "due", WHEN.format(n.dueAt().atZone(zone())),
                "expires", WHEN.format(n.expiresAt().atZone(zone()))),
                "notice-missed/" + n.key());
    }

    private void toAdmins(String markdown, String dedupKey) {
        for (Person admin : config.withRole(Role.ADMIN)) {
            sender.send(OutboundMessage.toPerson(admin.userId(), markdown).withDedupKey(dedupKey + "/" + admin.userId()));
        }
    }

    /** Occasions still ahead of {@code clock.instant()}, soonest first. */
    public List<PlannedNotice> upcoming(Set<NoticeKind> kinds, int days) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone()).toLocalDate();
        return planner.dueBetween(today, today.plusDays(days)).stream()
                .filter(n -> kinds.contains(n.kind()) && n.dueAt().isAfter(now))
                .toList();
    }

    public ZoneId zone() {
        return planner.zone();
    }
}
