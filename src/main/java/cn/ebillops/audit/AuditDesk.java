package cn.ebillops.audit;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.Person;
import cn.ebillops.config.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Reading the audit log, for managers only (checked here, not only in the command): the newest rows, and
 * the verification of the chain, answered in Chinese.
 */
@Service
class AuditDesk {

    static final int DEFAULT_ROWS = 20;
    static final int MAX_ROWS = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The caller may not read the audit log; the message is for people. */
    static class AuditRefused extends RuntimeException {
        AuditRefused(String message) {
            super(message);
        }
    }

    private final AuditStore store;
    private final BotConfig config;
    private final Clock clock;

    AuditDesk(AuditStore store, BotConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    String verify(Person caller) {
        requireManager(caller, "校验");
        return describe(AuditVerifier.verify(store), clock);
    }

    String latest(Person caller, int n) {
        requireManager(caller, "查看");
        List<AuditRow> rows = store.latest(Math.max(1, Math.min(n, MAX_ROWS)));
        if (rows.isEmpty()) {
            return "审计日志还没有记录。";
        }
        StringBuilder sb = new StringBuilder("**审计日志（最近 %d 条，新的在前）**".formatted(rows.size()));
        for (AuditRow r : rows) {
            sb.append("\n> #").append(r.id()).append(' ').append(time(r.at(), clock)).append(' ')
                    .append(who(r.actor())).append('（').append(r.route()).append("）")
                    .append(r.action()).append(' ').append(r.target());
            if (r.before() != null && !r.before().isEmpty()) {
                sb.append("：").append(r.before()).append(" → ").append(nullToEmpty(r.after()));
            } else if (r.after() != null && !r.after().isEmpty()) {
                sb.append("：").append(r.after());
            }
            if (r.outcome() != null && !r.outcome().isEmpty()) {
                sb.append("；结果：").append(r.outcome());
            }
        }
        return sb.toString();
    }

    /** The answer to a verification, shared with scripts/audit-verify.sh. */
    static String describe(AuditVerifier.Verdict v, Clock clock) {
        if (v.intact()) {
            if (v.rows() == 0) {
                return "审计日志完整：0 条（还没有记录）。";
            }
            return "审计日志完整：%d 条，最早 %s，最新 %s；链头哈希 %s（可抄录备查，下次校验时比对）。".formatted(v.rows(),
                    time(v.earliest().orElseThrow(), clock), time(v.latest().orElseThrow(), clock),
                    v.headHash().substring(0, 16));
        }
        return "审计日志已被篡改：第一处断点是第 %d 条%s，%s（%s）。共检查 %d 条。".formatted(v.brokenId(),
                v.brokenAt().map(at -> "（" + time(at, clock) + "）").orElse(""), v.broken().orElseThrow().label, v.why(),
                v.rows());
    }

    private String who(String actor) {
        Optional<Person> p = config.findPerson(actor);
        return p.map(person -> person.name() + "(" + actor + ")").orElse(actor);
    }

    private static void requireManager(Person caller, String what) {
        if (caller == null || caller.role() != Role.ADMIN) {
            throw new AuditRefused("抱歉，只有管理员可以%s审计日志（您的身份：%s）。"
                    .formatted(what, caller == null ? "未知" : caller.role().label()));
        }
    }

    private static String time(Instant at, Clock clock) {
        return TIME.format(at.atZone(clock.getZone()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
