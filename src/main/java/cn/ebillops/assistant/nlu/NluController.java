package cn.ebillops.assistant.nlu;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/nlu/classify {"text"}} → intent, severity, area, confidence. */
@RestController
@RequestMapping("/api/nlu")
class NluController {

    static final int MAX_TEXT = 2048;

    record ClassifyRequest(String text) {
    }

    record ClassifyResponse(Intent intent, Severity severity, Area area, double confidence, String normalized) {
    }

    private final MessageClassifier classifier;

    NluController(MessageClassifier classifier) {
        this.classifier = classifier;
    }

    @PostMapping("/classify")
    ResponseEntity<?> classify(@RequestBody ClassifyRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            return badRequest("missing_text", "请提供要识别的消息：{\"text\": \"消息内容\"}");
        }
        if (request.text().length() > MAX_TEXT) {
            return badRequest("text_too_long", "消息过长，最多 %d 个字符".formatted(MAX_TEXT));
        }
        Classification c = classifier.classify(request.text());
        return ResponseEntity.ok(new ClassifyResponse(c.intent(), c.severity(), c.area(), c.confidence(), c.normalized()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable() {
        return badRequest("bad_request", "请求体必须是 JSON：{\"text\": \"消息内容\"}");
    }

    private static ResponseEntity<Map<String, String>> badRequest(String code, String message) {
        return ResponseEntity.badRequest().body(Map.of("error", code, "message", message));
    }
}
