package cn.ebillops.inspection.chat;

import cn.ebillops.assistant.Turn;
import cn.ebillops.channel.Attachment;
import cn.ebillops.channel.Reply;
import cn.ebillops.inspection.InspectionGate;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.InspectionSummary;
import cn.ebillops.inspection.ReportFiles;
import cn.ebillops.inspection.ReportUrls;
import cn.ebillops.wording.Wording;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs an inspection asked for in chat (command or natural request) and words the answer. Open
 * to everyone, but one requested inspection at a time ({@link InspectionGate}); when the language
 * model already started one for this very message and gave up waiting, this answer joins it. The
 * answer links to the Word report and carries it as a file, which WeCom routes post after the text.
 */
@Component
public class ChatInspection {

    private static final Logger log = LoggerFactory.getLogger(ChatInspection.class);

    private final InspectionGate gate;
    private final ReportUrls reports;
    private final ReportFiles files;
    private final Wording wording;

    public ChatInspection(InspectionGate gate, ReportUrls reports, ReportFiles files, Wording wording) {
        this.gate = gate;
        this.reports = reports;
        this.files = files;
        this.wording = wording;
    }

    public Reply run(Turn turn, Set<InspectionScope> scopes) {
        Set<InspectionScope> asked = scopes.isEmpty() ? EnumSet.of(InspectionScope.ALL) : scopes;
        Optional<CompletableFuture<InspectionRun>> started = gate.start(turn.requestId(), asked,
                "manual:" + turn.sender().userId());
        if (started.isEmpty()) {
            return Reply.of(wording.text("inspection.busy"));
        }
        Optional<InspectionRun> run;
        try {
            run = gate.await(started.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run = Optional.empty();
        }
        if (run.isEmpty()) {
            return Reply.of(wording.text("inspection.stillRunning"));
        }
        String url = reportUrl(run.get().id());
        return new Reply(InspectionSummary.render(run.get(), url, wording),
                List.of(new Reply.Link(wording.text("inspection.reportLink"), url),
                        new Reply.Link(wording.text("inspection.improvementLink"), reports.improvementReport(run.get().id()))),
                reportFile(run.get().id()));
    }

    /** The report as a file; none when it cannot be written, and then the link is what the chat gets. */
    private List<Attachment> reportFile(long runId) {
        try {
            return files.inspectionReport(runId).stream().toList();
        } catch (RuntimeException e) {
            log.warn("inspection {}: Word report not attached, the chat gets the link only: {}", runId, e.toString());
            return List.of();
        }
    }

    public String reportUrl(long id) {
        return reports.inspectionReport(id);
    }
}
