package cn.ebillops.audit;

import cn.ebillops.assistant.CommandRun;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every slash command on record: the assistant publishes one {@link CommandRun} per command, and it is
 * written here in the same thread, before the answer goes out.
 */
@Component
class CommandAuditing {

    private final AuditTrail trail;

    CommandAuditing(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(CommandRun run) {
        trail.record(new AuditEntry(run.userId(), run.route(), "command", run.command(), null, run.args(),
                run.outcome()));
    }
}
