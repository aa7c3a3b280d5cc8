package cn.ebillops.wecom;

import cn.ebillops.web.RequestRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refused callbacks (bad signature, stale timestamp, malformed envelope, over-long id…): a status
 * and JSON error for WeCom, a log line without the body. Ahead of the shared {@code ClientErrors},
 * which answers what fails before a callback route is chosen (multipart, method not allowed).
 */
@RestControllerAdvice(assignableTypes = {AibotCallbackController.class, AppCallbackController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class CallbackErrors {

    private static final Logger log = LoggerFactory.getLogger(CallbackErrors.class);

    @ExceptionHandler(RequestRefused.class)
    ResponseEntity<Map<String, String>> rejected(RequestRefused e, HttpServletRequest request) {
        log.warn("wecom callback refused on {}: {} ({})", request.getRequestURI(), e.code(), e.status().value());
        return e.response();
    }
}
