package cn.ebillops.inspection.chat;

import cn.ebillops.assistant.Turn;
import cn.ebillops.channel.Reply;
import cn.ebillops.inspection.InspectionGate;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.InspectionSummary;
import cn.ebillops.inspection.ReportUrls;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Runs an inspection asked for in chat (command or natural request) and words the answer. Open
 * to everyone, but one requested inspection at a time ({@link InspectionGate}); when the language
 * model already started one for this very message and gave up waiting, this answer joins it.
 */
@Component
public class ChatInspection {

    private final InspectionGate gate;
    private final ReportUrls reports;

    public ChatInspection(InspectionGate gate, ReportUrls reports) {
        this.gate = gate;
        this.reports = reports;
    }

    public Reply run(Turn turn, Set<InspectionScope> scopes) {
        Set<InspectionScope> asked = scopes.isEmpty() ? EnumSet.of(InspectionScope.ALL) : scopes;
        Optional<CompletableFuture<InspectionRun>> started = gate.start(turn.requestId(), asked,
                "manual:" + turn.sender().userId());
        if (started.isEmpty()) {
            return Reply.of(InspectionGate.BUSY);
        }
        Optional<InspectionRun> run;
        try {
            run = gate.await(started.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run = Optional.empty();
        }
        if (run.isEmpty()) {
            return Reply.of("巡检仍在进行，已超过等待时限；完成后结果会照常存档并生成报告，请稍后再问。");
        }
        String url = reportUrl(run.get().id());
        return new Reply(InspectionSummary.render(run.get(), url), List.of(new Reply.Link("巡检报告（Word）", url)));
    }

    public String reportUrl(long id) {
        return reports.inspectionReport(id);
    }
}
