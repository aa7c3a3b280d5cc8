package cn.ebillops.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * What happens after a login attempt: a success opens a session that ends after
 * {@link ConsoleProperties#sessionTimeout()} without a request and goes to the console; a failure
 * goes back to the login page, which says whether the password was wrong or attempts are limited.
 */
@Component
class ConsoleSessions {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSessions.class);

    private final ConsoleProperties properties;

    ConsoleSessions(ConsoleProperties properties) {
        this.properties = properties;
    }

    void loggedIn(HttpServletRequest request, HttpServletResponse response, Authentication who) throws IOException {
        request.getSession().setMaxInactiveInterval((int) properties.sessionTimeout().toSeconds());
        log.info("console login: {}", who.getName());
        response.sendRedirect(request.getContextPath() + "/console/");
    }

    void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean limited = e instanceof LimitedLogin.LoginLimited;
        // the typed name is not logged: it may be a password typed into the wrong field
        log.warn("console login refused from {}: {}", request.getRemoteAddr(), limited ? "limited" : "bad credentials");
        response.sendRedirect(request.getContextPath() + ConsoleSecurity.LOGIN + (limited ? "?limited" : "?error"));
    }
}
