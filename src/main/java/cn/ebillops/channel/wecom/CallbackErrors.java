package cn.ebillops.channel.wecom;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused callbacks: a status and JSON error for WeCom, a log line without the body. */
@RestControllerAdvice(assignableTypes = {AibotCallbackController.class, AppCallbackController.class})
class CallbackErrors {

    private static final Logger log = LoggerFactory.getLogger(CallbackErrors.class);

    @ExceptionHandler(CallbackRejected.class)
    ResponseEntity<Map<String, String>> rejected(CallbackRejected e, HttpServletRequest request) {
        log.warn("wecom callback refused on {}: {} ({})", request.getRequestURI(), e.code(), e.status().value());
        return ResponseEntity.status(e.status()).body(Map.of("error", e.code(), "message", e.getMessage()));
    }
}
