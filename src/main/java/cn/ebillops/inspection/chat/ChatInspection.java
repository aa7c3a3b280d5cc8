package cn.ebillops.inspection.chat;

import cn.ebillops.assistant.Turn;
import cn.ebillops.channel.Reply;
import cn.ebillops.inspection.InspectionProperties;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.InspectionService;
import cn.ebillops.inspection.InspectionSummary;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Runs an inspection asked for in chat (command or natural request) and words the answer. Open
 * to everyone, but one chat-requested inspection at a time.
 */
@Component
public class ChatInspection {

    private final InspectionService service;
    private final InspectionProperties properties;

    public ChatInspection(InspectionService service, InspectionProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    public Reply run(Turn turn, Set<InspectionScope> scopes) {
        Set<InspectionScope> asked = scopes.isEmpty() ? EnumSet.of(InspectionScope.ALL) : scopes;
        Optional<InspectionRun> run = service.tryRun(asked, "manual:" + turn.sender().userId());
        if (run.isEmpty()) {
            return Reply.of("已有一次巡检正在进行，请等它完成（通常不超过 1 分钟）后再试。");
        }
        String url = reportUrl(run.get().id());
        return new Reply(InspectionSummary.render(run.get(), url), List.of(new Reply.Link("巡检报告（Word）", url)));
    }

    public String reportUrl(long id) {
        String base = properties.reportBaseUrl().replaceAll("/+$", "");
        return base + "/api/reports/inspections/" + id + ".docx";
    }
}
