package cn.ebillops.console;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may reach which route, for every route of the application (not only the console's):
 * <ul>
 * <li>WeCom callbacks: open, because WeCom signs and encrypts them and the routes verify that;</li>
 * <li>report downloads: open, because the route itself asks for a signed link or a login;</li>
 * <li>health: open for the hospital's monitoring; metrics only on the management port (127.0.0.1 by default);
 * the stand-ins only when the sandbox is on;</li>
 * <li>everything else: a console login (bot-config account), or, in the demo only, nobody's.</li>
 * </ul>
 * Console POSTs carry a CSRF token. With the console off there is no login and nothing else opens.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String LOGIN = "/login";
    static final String PUBLIC_STATUS_PAGE = "/console/status.html";
    static final String PUBLIC_STATUS_API = "/api/public/status";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ConsoleProperties console, ConsoleSessions sessions,
                                            @Value("${ebillops.sandbox.enabled:false}") boolean sandbox) throws Exception {
        http.authorizeHttpRequests(routes -> {
            // a forward (/console/ → index.html) or error page was already authorised as the request it serves
            routes.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll();
            routes.requestMatchers("/wecom/**", "/api/reports/**", "/actuator/health", "/actuator/health/**")
                    .permitAll();
            // the main port maps only health under /actuator; the rest (metrics) lives on the management port,
            // bound to 127.0.0.1 unless the hospital opens it to its Prometheus, and this chain guards that port too
            routes.requestMatchers("/actuator/**").permitAll();
            if (sandbox) {
                routes.requestMatchers("/sandbox/**").permitAll();
            }
            if (console.enabled()) {
                routes.requestMatchers(HttpMethod.GET, PUBLIC_STATUS_PAGE, PUBLIC_STATUS_API).permitAll();
            }
            if (console.login()) {
                routes.requestMatchers(LOGIN).permitAll();
            }
            if (console.enabled() && console.demoPicker()) {
                routes.anyRequest().permitAll();
            } else {
                routes.anyRequest().authenticated();
            }
        });
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/wecom/**", "/sandbox/**"));
        if (console.enabled() && console.demoPicker()) {
            // the demo lets anyone speak as anyone (on loopback): a token would protect nothing
            http.csrf(AbstractHttpConfigurer::disable);
        }
        http.httpBasic(AbstractHttpConfigurer::disable);
        http.exceptionHandling(e -> {
            if (console.login()) {
                e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
                        PathPatternRequestMatcher.withDefaults().matcher("/console/**"));
                e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
                        PathPatternRequestMatcher.withDefaults().matcher("/"));
            }
            AuthenticationEntryPoint refuse = json(401, "login_required", console.login()
                    ? "未登录或登录已过期，请先登录控制台" : "此路径不对外开放");
            e.defaultAuthenticationEntryPointFor(refuse, request -> true);
            // a POST without a token is refused before anyone is asked who they are: a stranger
            // hears "log in", only a logged-in page hears about its stale token
            e.accessDeniedHandler((request, response, denied) -> {
                Authentication who = SecurityContextHolder.getContext().getAuthentication();
                if (console.login() && LOGIN.equals(request.getServletPath())) {
                    // a login form left open past its session: show a fresh one, not an error
                    response.sendRedirect(request.getContextPath() + LOGIN + "?stale");
                } else if (who == null || who instanceof AnonymousAuthenticationToken) {
                    refuse.commence(request, response, null);
                } else {
                    write(response, 403, "forbidden", "请求被拒绝：缺少或过期的 CSRF 令牌，请刷新页面后重试");
                }
            });
        });
        if (console.login()) {
            http.formLogin(form -> form.loginPage(LOGIN).loginProcessingUrl(LOGIN)
                    .successHandler(sessions::loggedIn).failureHandler(sessions::failed).permitAll());
            http.logout(out -> out.logoutUrl("/logout").logoutSuccessUrl(LOGIN + "?logout"));
        } else {
            http.formLogin(AbstractHttpConfigurer::disable);
            http.logout(AbstractHttpConfigurer::disable);
        }
        return http.build();
    }

    private static AuthenticationEntryPoint json(int status, String code, String message) {
        return (request, response, e) -> write(response, status, code, message);
    }

    /** The project's refusal shape, {"error","message"}, for answers given before any route runs. */
    static void write(HttpServletResponse response, int status, String code, String message)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }
}
