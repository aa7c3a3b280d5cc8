package cn.ebillops.console;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * GET /login — the console's login page in Chinese, rendered here so that the form carries its
 * CSRF token without script. Says why the user is back: wrong password, too many attempts, expired
 * session or logged out. Only when the console requires a login.
 */
@RestController
@ConditionalOnExpression("${ebillops.console.enabled:true} and !${ebillops.console.demo-picker:false}")
class LoginPage {

    private final String template;
    private final long windowMinutes;
    private final long idleMinutes;

    LoginPage(ConsoleProperties properties) {
        try {
            this.template = new ClassPathResource("console-login.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.windowMinutes = Math.max(1, properties.failedLoginWindow().toMinutes());
        this.idleMinutes = Math.max(1, properties.sessionTimeout().toMinutes());
    }

    @GetMapping(value = ConsoleSecurity.LOGIN, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request, CsrfToken csrf) {
        String html = template.replace("{{notice}}", HtmlUtils.htmlEscape(notice(request)))
                .replace("{{noticeClass}}", request.getParameter("logout") != null ? "ok" : "bad")
                .replace("{{idleMinutes}}", Long.toString(idleMinutes))
                .replace("{{csrfName}}", HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{{csrfToken}}", HtmlUtils.htmlEscape(csrf.getToken()));
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(html);
    }

    private String notice(HttpServletRequest request) {
        if (request.getParameter("limited") != null) {
            return "登录失败次数过多，请 %d 分钟后再试。".formatted(windowMinutes);
        }
        if (request.getParameter("error") != null) {
            return "账号或密码错误。";
        }
        if (request.getParameter("stale") != null) {
            return "登录页面已过期，请重新输入账号和密码。";
        }
        if (request.getParameter("logout") != null) {
            return "已退出登录。";
        }
        if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
            return "长时间未操作，登录已过期，请重新登录。";
        }
        return "";
    }
}
