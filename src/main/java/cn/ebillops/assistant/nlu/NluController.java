package cn.ebillops.assistant.nlu;

import cn.ebillops.channel.InboundLimits;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.web.ClientErrors;
import cn.ebillops.web.RequestRefused;
import jakarta.servlet.http.HttpServletRequest;
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

    static final int MAX_TEXT = InboundLimits.MAX_TEXT;

    record ClassifyRequest(String text) {
    }

    record ClassifyResponse(Intent intent, Severity severity, Area area, double confidence, String normalized) {
    }

    private final MessageClassifier classifier;

    NluController(MessageClassifier classifier) {
        this.classifier = classifier;
    }

    @PostMapping("/classify")
    ClassifyResponse classify(@RequestBody ClassifyRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw RequestRefused.badRequest("missing_text", "请提供要识别的消息：{\"text\": \"消息内容\"}");
        }
        InboundLimits.text(request.text());
        Classification c = classifier.classify(request.text());
        return new ClassifyResponse(c.intent(), c.severity(), c.area(), c.confidence(), c.normalized());
    }

    /** This route answered {@code bad_request} before the shared {@code malformed_json}; clients may rely on it. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpServletRequest http) {
        return ClientErrors.refuse(RequestRefused.badRequest("bad_request", "请求体必须是 JSON：{\"text\": \"消息内容\"}"),
                http);
    }
}
