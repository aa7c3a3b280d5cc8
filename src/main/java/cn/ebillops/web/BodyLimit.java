package cn.ebillops.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * The size limit of every request body. Routes that bind {@code @RequestBody} are checked here,
 * before a converter reads anything; the WeCom callbacks read their raw body through
 * {@code CallbackGuard}, which applies the same {@link #MAX_BYTES}. Spring itself sets no limit
 * on a JSON body, so without this a client could make the server buffer any amount.
 */
@ControllerAdvice
public class BodyLimit extends RequestBodyAdviceAdapter {

    /** Far above any real message (2048 characters are at most 12 KB even as JSON \\u escapes). */
    public static final int MAX_BYTES = 64 * 1024;

    public static RequestRefused tooLarge() {
        return new RequestRefused(HttpStatus.CONTENT_TOO_LARGE, "body_too_large", "请求体超过 64 KB");
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        long declared = input.getHeaders().getContentLength();
        if (declared > MAX_BYTES) {
            throw tooLarge();
        }
        if (declared >= 0) {
            return input; // the container stops at the declared length
        }
        // Chunked: no length up front, so read at most one byte past the limit to know.
        byte[] body;
        try (InputStream in = input.getBody()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (body.length > MAX_BYTES) {
            throw tooLarge();
        }
        return new Buffered(input.getHeaders(), body);
    }

    private record Buffered(HttpHeaders headers, byte[] body) implements HttpInputMessage {

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
