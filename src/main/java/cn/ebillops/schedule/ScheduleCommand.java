package cn.ebillops.schedule;

import cn.ebillops.assistant.command.ChatCommand;
import cn.ebillops.assistant.command.Command;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.channel.Reply;
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

    public ScheduleCommand(ScheduleAdmin admin, NoticeService notices) {
        this.admin = admin;
        this.notices = notices;
    }

    @Override
    public Reply execute(CommandContext context) {
        List<String> args = context.argList();
        if (args.isEmpty()) {
            return list();
        }
        String action = args.get(0).toLowerCase();
        if (!action.equals("pause") && !action.equals("resume") && !action.equals("暂停") && !action.equals("恢复")) {
            return Reply.of("用法：`/schedule` 查看任务；`/schedule pause 任务` 暂停；`/schedule resume 任务` 恢复。\n任务："
                    + jobIds());
        }
        if (args.size() < 2) {
            return Reply.of("请写明任务，例如 `/schedule pause quarterly`。任务：" + jobIds());
        }
        Optional<ScheduledJob> job = ScheduledJob.parse(args.get(1));
        if (job.isEmpty()) {
            return Reply.of("没有名为“%s”的任务。任务：%s".formatted(args.get(1), jobIds()));
        }
        boolean pause = action.equals("pause") || action.equals("暂停");
        try {
            var view = pause ? admin.pause(context.caller(), job.get()) : admin.resume(context.caller(), job.get());
            return Reply.of("已%s任务「%s」。%s".formatted(pause ? "暂停" : "恢复", job.get().label(),
                    pause ? "暂停期间到期的通知不会发出；恢复后仍在有效期内的会补发（注明补发），已过期的会告知管理员。"
                            : view.nextOccasion().map(n -> "下一次：" + when(n) + " " + n.title()).orElse("")));
        } catch (ScheduleAdmin.ScheduleChangeRefused e) {
            return Reply.of(e.getMessage());
        }
    }

    private Reply list() {
        StringBuilder sb = new StringBuilder("**定时任务**\n");
        for (ScheduleAdmin.JobView v : admin.jobs()) {
            sb.append("> **").append(v.job().label()).append("**（").append(v.job().id()).append("）");
            if (v.paused()) {
                sb.append(" 已暂停");
            } else if (!v.scheduled()) {
                sb.append(" 未调度");
            }
            sb.append('\n');
            sb.append(">   下一次：").append(v.nextOccasion().map(n -> when(n) + " " + n.title()).orElse("暂无安排"))
                    .append('\n');
            v.nextCheck().ifPresent(t -> sb.append(">   下次检查：").append(WHEN.format(t.atZone(zone()))).append('\n'));
        }
        sb.append("到期时间由节假日日历推算；助手停机错过的通知会在恢复后补发一次并注明。管理员可用 `/schedule pause 任务` 暂停。");
        return Reply.of(sb.toString());
    }

    private String when(PlannedNotice n) {
        return WHEN.format(n.dueAt().atZone(zone()));
    }

    private ZoneId zone() {
        return notices.zone();
    }

    private static String jobIds() {
        return Arrays.stream(ScheduledJob.values()).map(j -> j.id() + "（" + j.label() + "）")
                .collect(Collectors.joining("、"));
    }
}
