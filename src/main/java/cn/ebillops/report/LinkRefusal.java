package cn.ebillops.report;

import cn.ebillops.web.ClientErrors;
import cn.ebillops.web.RequestRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The 403 for a report link that is expired or not ours: a short Chinese page for whoever
 * clicked it in chat, the usual {"error","message"} for a program; logged once at WARN like
 * every refusal, without the link.
 */
final class LinkRefusal {

    private LinkRefusal() {
    }

    static ResponseEntity<?> answer(ReportLinkSigner.Verdict verdict, Duration validity, HttpServletRequest request) {
        RequestRefused refused = verdict == ReportLinkSigner.Verdict.EXPIRED
                ? new RequestRefused(HttpStatus.FORBIDDEN, "link_expired",
                        "报告链接已过期（有效期 %d 天）。请在群里重新发送 /inspect，或登录控制台下载。".formatted(
                                Math.max(1, validity.toDays())))
                : new RequestRefused(HttpStatus.FORBIDDEN, "link_invalid",
                        "报告链接无效（缺少签名或已被改动）。请使用群里发出的原始链接，或登录控制台下载。");
        ResponseEntity<?> json = ClientErrors.refuse(refused, request);
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return json;
        }
        String html = """
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>无法下载报告</title></head>
                <body style="font-family:sans-serif;max-width:560px;margin:10vh auto;color:#222">
                <h1 style="font-size:20px">无法下载报告</h1><p>%s</p></body></html>
                """.formatted(HtmlUtils.htmlEscape(refused.getMessage()));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(new MediaType(MediaType.TEXT_HTML,
                java.nio.charset.StandardCharsets.UTF_8)).body(html);
    }
}
