package cn.ebillops.schedule;

import cn.ebillops.assistant.command.ChatCommand;
import cn.ebillops.assistant.command.Command;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.channel.Reply;
import cn.ebillops.wording.Wording;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** /schedule, /schedule pause &lt;job&gt;, /schedule resume &lt;job&gt;. */
@Component
@ChatCommand(value = SlashCommand.SCHEDULE, usage = "/schedule [pause|resume 任务]",
        help = "查看节前通知、节前巡检、季度巡检等定时任务；管理员可暂停或恢复")
class ScheduleCommand implements Command {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ScheduleAdmin admin;
    private final NoticeService notices;
    private final Wording wording;

    public ScheduleCommand(ScheduleAdmin admin, NoticeService notices, Wording wording) {
        this.admin = admin;
        this.notices = notices;
        this.wording = wording;
    }

    @Override
    public Reply execute(CommandContext context) {
        List<String> args = context.argList();
        if (args.isEmpty()) {
            return list();
        }
        String action = args.get(0).toLowerCase();
        if (!action.equals("pause") && !action.equals("resume") && !action.equals("暂停") && !action.equals("恢复")) {
            return Reply.of(wording.text("schedule.job.usage", "jobs", jobIds()));
        }
        if (args.size() < 2) {
            return Reply.of(wording.text("schedule.job.whichOne", "jobs", jobIds()));
        }
        Optional<ScheduledJob> job = ScheduledJob.parse(args.get(1));
        if (job.isEmpty()) {
            return Reply.of(wording.text("schedule.job.unknown", "name", args.get(1), "jobs", jobIds()));
        }
        boolean pause = action.equals("pause") || action.equals("暂停");
        try {
            var view = pause ? admin.pause(context.caller(), job.get()) : admin.resume(context.caller(), job.get());
            return Reply.of(pause ? wording.text("schedule.job.pausedDone", "job", job.get().label())
                    : wording.text("schedule.job.resumedDone", "job", job.get().label(), "next", view.nextOccasion()
                            .map(n -> wording.text("schedule.job.resumedNext", "occasion", occasion(n))).orElse("")));
        } catch (ScheduleAdmin.ScheduleChangeRefused e) {
            return Reply.of(e.getMessage());
        }
    }

    private Reply list() {
        StringBuilder jobs = new StringBuilder();
        for (ScheduleAdmin.JobView v : admin.jobs()) {
            String state = v.paused() ? wording.text("schedule.job.paused")
                    : v.scheduled() ? "" : wording.text("schedule.job.unscheduled");
            jobs.append(wording.text("schedule.job.line", "label", v.job().label(), "id", v.job().id(), "state", state,
                    "next", v.nextOccasion().map(this::occasion).orElseGet(() -> wording.text("schedule.job.noNext")),
                    "check", v.nextCheck().map(t -> wording.text("schedule.job.nextCheck",
                            "at", WHEN.format(t.atZone(zone())))).orElse("")));
        }
        return Reply.of(wording.text("schedule.job.list", "jobs", jobs));
    }

    private String occasion(PlannedNotice n) {
        return wording.text("schedule.job.occasion", "when", WHEN.format(n.dueAt().atZone(zone())), "title", n.title());
    }

    private ZoneId zone() {
        return notices.zone();
    }

    private String jobIds() {
        return Arrays.stream(ScheduledJob.values())
                .map(j -> wording.text("schedule.job.entry", "id", j.id(), "label", j.label()))
                .collect(Collectors.joining("、"));
    }
}
