package cn.ebillops.schedule;

import cn.ebillops.config.Person;
import cn.ebillops.duty.DutyAssignment;
import cn.ebillops.duty.DutyService;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Contract 二.2: the signing server's CA certificate must be renewed before it expires (30, 14, 7, 1 days). */
@Component
class CertificateExpiryReminder implements NoticeHandler {

    private final NoticePlanner planner;
    private final DutyService duty;
    private final NoticeGroups groups;

    public CertificateExpiryReminder(NoticePlanner planner, DutyService duty, NoticeGroups groups) {
        this.planner = planner;
        this.duty = duty;
        this.groups = groups;
    }

    @Override
    public Set<NoticeKind> kinds() {
        return EnumSet.of(NoticeKind.CA_EXPIRY);
    }

    @Override
    public void perform(PlannedNotice notice, Optional<String> lateNote) {
        var cert = planner.caCertificate();
        String name = cert.map(CertificateExpirySource.CertificateExpiry::name).orElse("CA 证书");
        String source = cert.map(CertificateExpirySource.CertificateExpiry::source).orElse("bot-config/duty.yaml");
        var notAfter = notice.date().orElseThrow();
        String text = groups.text("schedule.certificateExpiry", "certificate", name, "notAfter", notAfter,
                "days", notice.number(), "source", source);
        DutyAssignment now = duty.now();
        List<String> mentions = Stream.concat(Stream.of(now.engineer()), now.manager().stream())
                .map(Person::userId).distinct().toList();
        groups.post(notice, text, mentions, lateNote);
    }
}
