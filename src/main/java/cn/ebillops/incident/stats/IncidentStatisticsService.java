package cn.ebillops.incident.stats;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.contract.SigningGrade;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentRepository;
import cn.ebillops.incident.IncidentTexts;
import cn.ebillops.incident.ReportPeriod;
import cn.ebillops.incident.availability.AvailabilityReport;
import cn.ebillops.incident.availability.AvailabilityService;
import cn.ebillops.incident.clock.SlaClock;
import cn.ebillops.incident.stats.IncidentStatistics.DurationFigures;
import cn.ebillops.incident.stats.IncidentStatistics.IncidentLine;
import cn.ebillops.wording.Wording;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Computes {@link IncidentStatistics} for a period and renders it for chat (/stats). */
@Service
public class IncidentStatisticsService {

    private final IncidentRepository repository;
    private final AvailabilityService availability;
    private final Clock clock;
    private final Wording wording;

    public IncidentStatisticsService(IncidentRepository repository, AvailabilityService availability, Clock clock,
                                     Wording wording) {
        this.repository = repository;
        this.availability = availability;
        this.clock = clock;
        this.wording = wording;
    }

    public IncidentStatistics statistics(ReportPeriod period) {
        Instant now = clock.instant();
        List<Incident> opened = repository.findOpenedBetween(period.from(), period.to());
        List<Incident> incidents = opened.stream().filter(i -> i.status().isFault()).toList();
        List<IncidentLine> lines = incidents.stream().map(i -> line(i, now)).toList();
        Map<Severity, Long> bySeverity = count(incidents, Incident::severity, Severity.class);
        Map<Area, Long> byArea = count(incidents, Incident::area, Area.class);
        Map<SlaClock, Long> breaches = new EnumMap<>(SlaClock.class);
        for (SlaClock c : SlaClock.values()) {
            breaches.put(c, lines.stream().filter(l -> l.breached().contains(c)).count());
        }
        List<IncidentLine> signingLines = lines.stream().filter(l -> l.area() == Area.SIGNING).toList();
        Map<SigningGrade, Long> byGrade = new EnumMap<>(SigningGrade.class);
        Arrays.stream(SigningGrade.values()).forEach(g -> byGrade.put(g,
                signingLines.stream().filter(l -> l.signingGrade().orElse(null) == g).count()));
        int loanerMissed = (int) signingLines.stream().filter(l -> l.breached().contains(SlaClock.LOANER)).count();
        DurationFigures signingResolve = figures(signingLines, IncidentLine::timeToResolve);
        var signing = new IncidentStatistics.SigningAnalysis(signingLines.size(), byGrade, loanerMissed,
                signingResolve, signingLines, signingConclusion(signingLines, byGrade, loanerMissed));
        AvailabilityReport avail = availability.report(period);
        return new IncidentStatistics(period.label(), period.from(), period.to(), incidents.size(), bySeverity, byArea,
                (int) incidents.stream().filter(i -> i.status().isOpen()).count(),
                figures(lines, IncidentLine::timeToAcknowledge), figures(lines, IncidentLine::timeToResolve), breaches,
                lines, signing, avail, opened.size() - incidents.size());
    }

    /**
     * The availability of each month of {@code period} that has begun (for the chart of the quarterly
     * and annual reports); the same computation as the period's own figure.
     */
    public List<AvailabilityReport> monthlyAvailability(ReportPeriod period) {
        List<AvailabilityReport> out = new ArrayList<>();
        Instant now = clock.instant();
        for (var m = java.time.YearMonth.from(period.firstDay()); m.atDay(1).isBefore(period.endExclusive()); m = m.plusMonths(1)) {
            ReportPeriod month = ReportPeriod.month(m, period.zone());
            if (month.from().isBefore(now)) {
                out.add(availability.report(month));
            }
        }
        return out;
    }

    private static IncidentLine line(Incident i, Instant now) {
        Optional<Duration> ack = Optional.ofNullable(i.stoppedAt(SlaClock.RESPONSE))
                .map(t -> Duration.between(i.openedAt(), t));
        Optional<Duration> res = Optional.ofNullable(i.resolvedAt()).map(t -> Duration.between(i.openedAt(), t));
        List<SlaClock> breached = Arrays.stream(SlaClock.values()).filter(c -> i.breached(c, now)).toList();
        return new IncidentLine(i.number(), i.openedAt(), i.severity(), i.area(), i.status(), i.summary(), ack, res,
                i.cause() == null ? "" : i.cause(), breached, i.signingGrade());
    }

    private static <K extends Enum<K>> Map<K, Long> count(List<Incident> incidents, Function<Incident, K> key,
                                                          Class<K> type) {
        Map<K, Long> out = new EnumMap<>(type);
        for (K k : type.getEnumConstants()) {
            out.put(k, 0L);
        }
        incidents.forEach(i -> out.merge(key.apply(i), 1L, Long::sum));
        return out;
    }

    private static DurationFigures figures(List<IncidentLine> lines, Function<IncidentLine, Optional<Duration>> f) {
        List<IncidentLine> with = lines.stream().filter(l -> f.apply(l).isPresent()).toList();
        if (with.isEmpty()) {
            return new DurationFigures(0, Optional.empty(), Optional.empty(), Optional.empty());
        }
        long totalMillis = with.stream().mapToLong(l -> f.apply(l).orElseThrow().toMillis()).sum();
        IncidentLine worst = with.stream().max(Comparator.comparing(l -> f.apply(l).orElseThrow())).orElseThrow();
        return new DurationFigures(with.size(), Optional.of(Duration.ofMillis(totalMillis / with.size())),
                f.apply(worst), Optional.of(worst.number()));
    }

    private static String signingConclusion(List<IncidentLine> lines, Map<SigningGrade, Long> byGrade, int loanerMissed) {
        if (lines.isEmpty()) {
            return "本期签名验签服务器未发生故障，运行正常。";
        }
        String causes = lines.stream().map(IncidentLine::cause).filter(c -> !c.isBlank()).distinct().limit(5)
                .collect(Collectors.joining("；"));
        return "本期签名验签服务器共发生故障 %d 次（严重 %d、一般 %d、轻微 %d）%s。%s".formatted(lines.size(),
                byGrade.get(SigningGrade.SEVERE), byGrade.get(SigningGrade.GENERAL), byGrade.get(SigningGrade.MINOR),
                loanerMissed > 0 ? "，其中 %d 次超过合同规定时限未修复，应已提供备用设备".formatted(loanerMissed) : "，均在合同时限内处理",
                causes.isEmpty() ? "" : "主要原因：" + causes + "。");
    }

    /** The chat answer for /stats. */
    public String text(IncidentStatistics s) {
        String levels = Arrays.stream(Severity.values())
                .map(v -> wording.text("incident.stats.count", "label", v.label(), "count", s.bySeverity().get(v)))
                .collect(Collectors.joining("，"));
        String areas = s.byArea().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<Area, Long>comparingByValue().reversed())
                .map(e -> wording.text("incident.stats.count", "label", e.getKey().label(), "count", e.getValue()))
                .collect(Collectors.joining("，"));
        String breaches = s.breachCount() == 0 ? wording.text("incident.stats.noBreach") : Arrays.stream(SlaClock.values())
                .filter(c -> s.breaches().get(c) > 0)
                .map(c -> wording.text("incident.stats.breach", "clock", c.label(), "count", s.breaches().get(c)))
                .collect(Collectors.joining("，"));
        String outages = s.availability().outages().isEmpty() ? "" : wording.text("incident.stats.outages",
                "count", s.availability().outages().size(), "down", IncidentTexts.duration(s.availability().down()));
        return wording.text("incident.stats.text", "period", s.periodLabel(), "total", s.total(), "open", s.open(),
                "withdrawn", withdrawnNote(s), "levels", levels,
                "areas", areas.isEmpty() ? wording.text("incident.stats.none") : areas,
                "acknowledge", figureText(s.acknowledge()), "resolve", figureText(s.resolve()), "breaches", breaches,
                "availability", s.availability().describe(), "outages", outages, "signing", s.signing().conclusion());
    }

    /** "另有 2 次报告经确认不是故障，已撤销，不计入统计。" or nothing. */
    static String withdrawnNote(IncidentStatistics s) {
        return s.withdrawn() == 0 ? "" : "另有 %d 次报告经确认不是故障，已撤销，不计入统计。".formatted(s.withdrawn());
    }

    private String figureText(DurationFigures f) {
        if (f.count() == 0) {
            return wording.text("incident.stats.none");
        }
        return wording.text("incident.stats.figures", "count", f.count(), "mean", IncidentTexts.duration(f.mean().orElseThrow()),
                "worst", IncidentTexts.duration(f.worst().orElseThrow()), "number", f.worstIncident().orElseThrow());
    }

}
