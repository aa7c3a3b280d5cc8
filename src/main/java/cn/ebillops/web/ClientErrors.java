package cn.ebillops.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Every route's answer to a bad request: a 4xx with {@code {"error", "message"}} and one WARN
 * line naming the route and the code, never the content (bodies, ids and parser messages are the
 * client's, and may be patient data or an attack on the log). Runs after route-specific advice
 * ({@code CallbackErrors}); it also sees what fails before a route is chosen (multipart parsing,
 * method not allowed). Only a genuine fault is a 500, with an error id and its cause at ERROR.
 * Unknown routes, 406 and timeouts stay Spring's own answers.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ClientErrors {

    private static final Logger log = LoggerFactory.getLogger(ClientErrors.class);
    private static final int MAX_ROUTE_CHARS = 80;

    /** Answers and logs a refusal; for a route's own {@code @ExceptionHandler} that keeps its older code. */
    public static ResponseEntity<Map<String, String>> refuse(RequestRefused e, HttpServletRequest request) {
        log.warn("request refused on {}: {} ({})", route(request), e.code(), e.status().value());
        return e.response();
    }

    @ExceptionHandler(RequestRefused.class)
    ResponseEntity<Map<String, String>> refused(RequestRefused e, HttpServletRequest request) {
        return refuse(e, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpServletRequest request) {
        return refuse(RequestRefused.badRequest("malformed_json", "请求体不是有效的 JSON"), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return withHeaders(e, refuse(new RequestRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "不支持的 Content-Type，请用 application/json"), request));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return withHeaders(e, refuse(new RequestRefused(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                "此路径不支持该请求方法"), request));
    }

    @ExceptionHandler({ServletRequestBindingException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestPartException.class, BindException.class, HandlerMethodValidationException.class})
    ResponseEntity<Map<String, String>> parameter(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof MissingPathVariableException p && !p.isMissingAfterConversion()) {
            return fault(e, request); // a route declared a variable its path lacks: our bug, not the client's
        }
        return refuse(RequestRefused.badRequest("bad_parameter", "请求参数缺失或格式错误"), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> uploadTooLarge(HttpServletRequest request) {
        return refuse(BodyLimit.tooLarge(), request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, String>> multipart(HttpServletRequest request) {
        return refuse(RequestRefused.badRequest("malformed_multipart", "multipart 请求体格式错误"), request);
    }

    /**
     * A fault of ours: 500 with an id the caller can quote, the cause at ERROR. Exceptions that
     * carry their own status (404 for an unknown route, 406, 503 timeouts) and a client gone away
     * are handed back to Spring, which answers them as before.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> fault(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof ErrorResponse || AnnotatedElementUtils.hasAnnotation(e.getClass(), ResponseStatus.class)
                || DisconnectedClientHelper.isClientDisconnectedException(e)) {
            throw e;
        }
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        log.error("error {} on {}", errorId, route(request), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("error", "internal_error",
                "message", "服务器内部错误（错误编号 %s），请稍后重试".formatted(errorId)));
    }

    private static ResponseEntity<Map<String, String>> withHeaders(ErrorResponse e,
                                                                   ResponseEntity<Map<String, String>> answer) {
        // Allow (405) and Accept (415) tell a client what would have been taken
        return ResponseEntity.status(answer.getStatusCode()).headers(e.getHeaders()).body(answer.getBody());
    }

    /**
     * The route's pattern ("POST /api/console/chats/{chatId}/messages"), never the ids in the
     * path; before a route is chosen only the path is known, and it is cut down to plain characters.
     */
    static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String path = pattern != null ? pattern.toString() : request.getRequestURI();
        String plain = path == null ? "" : path.replaceAll("[^A-Za-z0-9/._{}-]", "?");
        if (plain.length() > MAX_ROUTE_CHARS) {
            plain = plain.substring(0, MAX_ROUTE_CHARS) + "…";
        }
        return request.getMethod() + " " + plain;
    }
}
