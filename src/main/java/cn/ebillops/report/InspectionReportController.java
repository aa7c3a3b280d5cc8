package cn.ebillops.report;

import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionService;
import cn.ebillops.web.RequestRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/reports/inspections/{id}.docx — the Word report of one stored inspection, for a signed
 * link that has not expired (posted in chat) or a logged-in console user; anyone else gets a 403
 * that says why, as a page for a browser and as {"error","message"} for a program.
 */
@RestController
class InspectionReportController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final InspectionService inspections;
    private final InspectionReportWriter writer;
    private final ReportLinkSigner signer;

    InspectionReportController(InspectionService inspections, InspectionReportWriter writer, ReportLinkSigner signer) {
        this.inspections = inspections;
        this.writer = writer;
        this.signer = signer;
    }

    /** Who may download: what the link carries, or the console login. */
    record Access(String expires, String sig, Principal user, HttpServletRequest request) {
    }

    @GetMapping("/api/reports/inspections/{id}.docx")
    public ResponseEntity<?> docx(@PathVariable("id") String id, @RequestParam(required = false) String expires,
                                  @RequestParam(required = false) String sig, Principal user, HttpServletRequest request) {
        return render(id, ReportLinks.INSPECTION, new Access(expires, sig, user, request), ReportFileSource.INSPECTION_PREFIX,
                writer::write);
    }

    @GetMapping("/api/reports/inspections/{id}/improvement.docx")
    public ResponseEntity<?> improvement(@PathVariable("id") String id, @RequestParam(required = false) String expires,
                                         @RequestParam(required = false) String sig, Principal user,
                                         HttpServletRequest request) {
        return render(id, ReportLinks.IMPROVEMENT, new Access(expires, sig, user, request), "改进建议报告-",
                writer::writeImprovement);
    }

    private ResponseEntity<?> render(String id, String kind, Access access, String filePrefix,
                                     java.util.function.BiFunction<InspectionRun, Optional<InspectionRun>, byte[]> document) {
        long runId;
        try {
            runId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw RequestRefused.badRequest("bad_id", "巡检编号必须是数字");
        }
        if (access.user() == null) {
            ReportLinkSigner.Verdict verdict = signer.check(kind, runId, access.expires(), access.sig());
            if (verdict != ReportLinkSigner.Verdict.VALID) {
                return LinkRefusal.answer(verdict, signer.validity(), access.request());
            }
        }
        Optional<InspectionRun> run = inspections.find(runId);
        if (run.isEmpty()) {
            throw new RequestRefused(HttpStatus.NOT_FOUND, "not_found", "没有编号为 " + runId + " 的巡检");
        }
        byte[] body = document.apply(run.get(), inspections.previous(runId));
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filePrefix + runId + ".docx", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
