package cn.ebillops.incident.chat;

import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentEvent;
import cn.ebillops.incident.IncidentService;
import cn.ebillops.incident.IncidentTexts;
import cn.ebillops.incident.ReportPeriod;
import cn.ebillops.incident.Reporter;
import cn.ebillops.incident.availability.AvailabilityReport;
import cn.ebillops.incident.availability.AvailabilityService;
import cn.ebillops.incident.clock.SlaClock;
import cn.ebillops.infra.StateStoreHealth;
import java.time.Clock;
import java.util.List;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/** Chat renderings of incidents and status shared by handlers and commands. */
@Component
@NamedInterface("views")
public class IncidentViews {

    private final IncidentService service;
    private final AvailabilityService availability;
    private final IncidentTexts texts;
    private final StateStoreHealth stateStore;
    private final Clock clock;

    public IncidentViews(IncidentService service, AvailabilityService availability, IncidentTexts texts,
                         StateStoreHealth stateStore, Clock clock) {
        this.service = service;
        this.availability = availability;
        this.texts = texts;
        this.stateStore = stateStore;
        this.clock = clock;
    }

    /** One line: "#3 · II级 · 票据开具 · 待接单 · 建单 14:00 · 响应时限 14:30（已超时）". */
    public String line(Incident i) {
        StringBuilder sb = new StringBuilder("%s · %s · %s · %s · 建单 %s".formatted(i.ref(), i.severity().label(),
                i.area().label(), i.status().label(), texts.time(i.openedAt())));
        if (i.acknowledgedAt() == null && i.status().isOpen()) {
            sb.append(" · 响应时限 ").append(texts.time(i.responseDeadline()));
            if (clock.instant().isAfter(i.responseDeadline())) {
                sb.append("（已超时）");
            }
        } else if (i.acknowledgedBy() != null) {
            sb.append(" · ").append(texts.name(i.acknowledgedBy())).append(" 处理");
        }
        return sb.toString();
    }

    public String openList() {
        List<Incident> open = service.openIncidents();
        if (open.isEmpty()) {
            return "当前没有未关闭的故障单。";
        }
        StringBuilder sb = new StringBuilder("**未关闭故障单 %d 张**\n".formatted(open.size()));
        open.forEach(i -> sb.append("> ").append(line(i)).append('\n'));
        sb.append("发送 `/incident 编号` 查看时间线。");
        return sb.toString();
    }

    public String detail(Incident i) {
        List<Reporter> reporters = service.reporters(i.number());
        StringBuilder sb = new StringBuilder("**%s**\n".formatted(texts.headline(i)));
        sb.append("> 描述：").append(i.summary()).append('\n');
        sb.append("> 报告人：").append(reporters.isEmpty() ? "监控自动发现" : texts.reporters(reporters)).append('\n');
        sb.append("> 建单：").append(texts.time(i.openedAt()));
        sb.append(" · 响应时限：").append(texts.time(i.responseDeadline()))
                .append(i.breached(SlaClock.RESPONSE, clock.instant()) ? "（超时）" : "");
        sb.append(" · 解决目标：").append(texts.time(i.resolutionDeadline())).append('\n');
        if (i.onsiteDeadline() != null) {
            sb.append("> 需上门，上门时限：").append(texts.time(i.onsiteDeadline()))
                    .append(i.onsiteAt() != null ? "，%s 已到场".formatted(texts.time(i.onsiteAt())) : "").append('\n');
        }
        i.signingGrade().ifPresent(g -> sb.append("> 签名验签服务器故障级别：").append(g.label())
                .append(i.loanerDeadline() != null ? "，备用设备时限 " + texts.time(i.loanerDeadline()) : "")
                .append('\n'));
        if (i.cause() != null) {
            sb.append("> 原因：").append(i.cause()).append('\n');
        }
        return sb.toString();
    }

    public String timeline(Incident i) {
        StringBuilder sb = new StringBuilder(detail(i)).append("\n**时间线**\n");
        for (IncidentEvent e : service.timeline(i.number())) {
            sb.append("> ").append(texts.time(e.at())).append(' ').append(e.note()).append('\n');
        }
        return sb.toString().strip();
    }

    /** /status and "现在系统正常吗". */
    public String status() {
        StringBuilder sb = new StringBuilder("**系统状态**（%s）\n".formatted(texts.time(clock.instant())));
        availability.latest().ifPresentOrElse(s -> sb.append("> 关键功能（开票接口、签名验签）：")
                        .append(s.up() ? "正常" : "**异常**：" + s.detail())
                        .append("（最近探测 ").append(texts.time(s.at())).append("）\n"),
                () -> sb.append("> 关键功能探测：尚无探测记录\n"));
        AvailabilityReport month = availability.report(ReportPeriod.currentMonth(clock));
        sb.append("> 本月系统正常运转时间：").append(month.describe()).append('\n');
        stateStore.redisDownSince().ifPresent(since -> sb.append("> 助手自身：**降级运行**，Redis 自 ")
                .append(texts.time(since)).append(" 起不可用，已改用数据库（去重、锁照常，稍慢），Redis 恢复后自动切回\n"));
        List<Incident> open = service.openIncidents();
        if (open.isEmpty()) {
            sb.append("> 未关闭故障单：无");
        } else {
            sb.append("> 未关闭故障单 %d 张：\n".formatted(open.size()));
            open.forEach(i -> sb.append("> ").append(line(i)).append('\n'));
        }
        return sb.toString().strip();
    }
}
