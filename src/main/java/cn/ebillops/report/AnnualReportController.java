package cn.ebillops.report;

import cn.ebillops.web.RequestRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/reports/annual/{year}.docx — the annual report, with the same gate as the inspection
 * reports: a signed link that has not expired (the year is what is signed) or a console login.
 */
@RestController
class AnnualReportController {

    private final AnnualReportWriter writer;
    private final ReportLinkSigner signer;

    AnnualReportController(AnnualReportWriter writer, ReportLinkSigner signer) {
        this.writer = writer;
        this.signer = signer;
    }

    @GetMapping("/api/reports/annual/{year}.docx")
    public ResponseEntity<?> docx(@PathVariable("year") String year, @RequestParam(required = false) String expires,
                                  @RequestParam(required = false) String sig, Principal user, HttpServletRequest request) {
        boolean wellFormed = year.matches("\\d{4}");
        // the gate first: without credentials any year, well-formed or not, is a 403 like every report route
        if (user == null) {
            ReportLinkSigner.Verdict verdict = wellFormed ? signer.check(ReportLinks.ANNUAL, Integer.parseInt(year),
                    expires, sig) : ReportLinkSigner.Verdict.INVALID;
            if (verdict != ReportLinkSigner.Verdict.VALID) {
                return LinkRefusal.answer(verdict, signer.validity(), request);
            }
        }
        if (!wellFormed) {
            throw RequestRefused.badRequest("bad_year", "年份必须是四位数字");
        }
        int y = Integer.parseInt(year);
        return ResponseEntity.ok().contentType(InspectionReportController.DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("年度运维报告-" + y + ".docx", StandardCharsets.UTF_8).build().toString())
                .body(writer.write(y));
    }
}
