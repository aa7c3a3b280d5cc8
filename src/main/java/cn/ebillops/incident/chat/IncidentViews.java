package cn.ebillops.incident.chat;

import cn.ebillops.channel.ChannelStatus;
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
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
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
    /** The channels' own lines (the WeCom long connection replaced by another); none in module tests. */
    private final ObjectProvider<ChannelStatus> channels;

    public IncidentViews(IncidentService service, AvailabilityService availability, IncidentTexts texts,
                         StateStoreHealth stateStore, Clock clock, ObjectProvider<ChannelStatus> channels) {
        this.channels = channels;
        this.service = service;
        this.availability = availability;
        this.texts = texts;
        this.stateStore = stateStore;
        this.clock = clock;
    }

    /** One line: "#3 · II级 · 票据开具 · 待接单 · 建单 14:00 · 响应时限 14:30（已超时）". */
    public String line(Incident i) {
        String tail = "";
        if (i.acknowledgedAt() == null && i.status().isOpen()) {
            tail = texts.text("incident.view.lineDeadline", "deadline", texts.time(i.responseDeadline()),
                    "late", clock.instant().isAfter(i.responseDeadline()) ? texts.text("incident.view.lineLate") : "");
        } else if (i.acknowledgedBy() != null) {
            tail = texts.text("incident.view.lineHandler", "engineer", texts.name(i.acknowledgedBy()));
        }
        return texts.text("incident.view.line", "ref", i.ref(), "level", i.severity().label(), "area", i.area().label(),
                "status", i.status().label(), "openedAt", texts.time(i.openedAt()), "tail", tail);
    }

    public String openList() {
        List<Incident> open = service.openIncidents();
        if (open.isEmpty()) {
            return texts.text("incident.view.noneOpen");
        }
        return texts.text("incident.view.openList", "count", open.size(), "lines", lines(open));
    }

    private String lines(List<Incident> open) {
        StringBuilder sb = new StringBuilder();
        open.forEach(i -> sb.append("> ").append(line(i)).append('\n'));
        return sb.toString();
    }

    public String detail(Incident i) {
        List<Reporter> reporters = service.reporters(i.number());
        String onsite = i.onsiteDeadline() == null ? "" : texts.text("incident.view.onsite",
                "deadline", texts.time(i.onsiteDeadline()), "arrived", i.onsiteAt() == null ? ""
                        : texts.text("incident.view.arrived", "at", texts.time(i.onsiteAt())));
        String signing = i.signingGrade().map(g -> texts.text("incident.view.signing", "grade", g.label(),
                "loaner", i.loanerDeadline() == null ? ""
                        : texts.text("incident.view.loaner", "deadline", texts.time(i.loanerDeadline())))).orElse("");
        return texts.text("incident.view.detail", "headline", texts.headline(i), "summary", i.summary(),
                "reporters", reporters.isEmpty() ? texts.text("incident.view.byMonitor") : texts.reporters(reporters),
                "openedAt", texts.time(i.openedAt()), "responseDeadline", texts.time(i.responseDeadline()),
                "responseLate", i.breached(SlaClock.RESPONSE, clock.instant()) ? texts.text("incident.view.responseLate") : "",
                "resolutionDeadline", texts.time(i.resolutionDeadline()), "onsite", onsite, "signing", signing,
                "cause", i.cause() == null ? "" : texts.text("incident.view.cause", "cause", i.cause()));
    }

    public String timeline(Incident i) {
        StringBuilder events = new StringBuilder();
        for (IncidentEvent e : service.timeline(i.number())) {
            events.append(texts.text("incident.view.event", "at", texts.time(e.at()), "note", e.note()));
        }
        return texts.text("incident.view.timeline", "detail", detail(i), "events", events).strip();
    }

    /** /status and "现在系统正常吗". */
    public String status() {
        StringBuilder sb = new StringBuilder(texts.text("incident.status.title", "now", texts.time(clock.instant())));
        availability.latest().ifPresentOrElse(s -> sb.append(texts.text("incident.status.probe", "result",
                        s.up() ? texts.text("incident.status.up") : texts.text("incident.status.down", "detail", s.detail()),
                        "at", texts.time(s.at()))),
                () -> sb.append(texts.text("incident.status.noProbe")));
        AvailabilityReport month = availability.report(ReportPeriod.currentMonth(clock));
        sb.append(texts.text("incident.status.month", "availability", month.describe()));
        stateStore.redisDownSince().ifPresent(since -> sb.append(texts.text("incident.status.redisDown",
                "since", texts.time(since))));
        channels.orderedStream().map(ChannelStatus::statusLine).flatMap(Optional::stream).forEach(sb::append);
        List<Incident> open = service.openIncidents();
        if (open.isEmpty()) {
            sb.append(texts.text("incident.status.noneOpen"));
        } else {
            sb.append(texts.text("incident.status.open", "count", open.size())).append(lines(open));
        }
        return sb.toString().strip();
    }
}
