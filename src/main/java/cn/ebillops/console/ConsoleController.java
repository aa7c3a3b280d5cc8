package cn.ebillops.console;

import cn.ebillops.assistant.Assistant;
import cn.ebillops.assistant.HandleResult;
import cn.ebillops.channel.InboundLimits;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.channel.Reply;
import cn.ebillops.config.BotConfig;
import cn.ebillops.web.RequestRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local chat console: a WeCom-like page and its REST API (demo, tests, and no-WeCom sites).
 * The sender is the logged-in person; only the demo's picker takes it from the request.
 */
@RestController
@RequestMapping("/api/console")
@ConditionalOnBooleanProperty(name = "ebillops.console.enabled", matchIfMissing = true)
class ConsoleController {

    public record MessageRequest(String chatId, String userId, String text, String messageId) {
    }

    public record MessageResponse(String messageId, boolean duplicate, List<Reply> replies) {
    }

    /** Who the page speaks as; the CSRF header and token the page's POSTs carry (none in the demo). */
    public record Session(boolean demo, String userId, String name, String roleLabel, long idleTimeoutSeconds,
                          String csrfHeader, String csrfToken) {
    }

    public record Directory(String hospital, List<Map<String, String>> people, List<Map<String, String>> groups) {
    }

    private final Assistant assistant;
    private final ConsoleTranscript transcript;
    private final BotConfig config;
    private final Clock clock;
    private final boolean demo;

    ConsoleController(Assistant assistant, ConsoleTranscript transcript, BotConfig config, Clock clock,
                      ConsoleProperties properties) {
        this.assistant = assistant;
        this.transcript = transcript;
        this.config = config;
        this.clock = clock;
        this.demo = properties.demoPicker();
    }

    @PostMapping("/messages")
    public ResponseEntity<MessageResponse> post(@RequestBody MessageRequest req, Principal principal) {
        if (req == null || blank(req.chatId()) || req.text() == null || (demo && blank(req.userId()))) {
            throw RequestRefused.badRequest("bad_request", demo ? "请提供 chatId、userId 和 text" : "请提供 chatId 和 text");
        }
        // logged in: the session says who speaks, whatever the body's userId claims
        String userId = demo ? req.userId() : principal.getName();
        InboundLimits.text(req.text());
        String id = blank(req.messageId()) ? UUID.randomUUID().toString() : req.messageId();
        InboundMessage msg = InboundLimits.check(
                new InboundMessage("console", req.chatId(), userId, req.text(), id, clock.instant()));
        HandleResult result = assistant.handle(msg);
        if (!result.duplicate()) {
            transcript.add(req.chatId(), userId, config.person(userId).name(), req.text());
            result.replies().forEach(r -> transcript.add(req.chatId(), ConsoleTranscript.ASSISTANT,
                    ConsoleTranscript.ASSISTANT_NAME, ConsoleTranscript.markdown(r)));
        }
        return ResponseEntity.ok(new MessageResponse(id, result.duplicate(), result.replies()));
    }

    @GetMapping("/chats/{chatId}/messages")
    public List<ConsoleTranscript.Line> messages(@PathVariable String chatId,
                                                 @RequestParam(defaultValue = "0") long after) {
        InboundLimits.id(chatId);
        return transcript.since(chatId, after);
    }

    @GetMapping("/session")
    public Session session(HttpServletRequest request, Principal principal, CsrfToken csrf) {
        if (demo || principal == null) {
            return new Session(true, null, null, null, 0, null, null);
        }
        var person = config.person(principal.getName());
        return new Session(false, person.userId(), person.name(), person.role().label(),
                request.getSession().getMaxInactiveInterval(), csrf.getHeaderName(), csrf.getToken());
    }

    @GetMapping("/directory")
    public Directory directory() {
        return new Directory(config.hospital().name(),
                config.people().stream().map(p -> Map.of("userId", p.userId(), "name", p.name(),
                        "role", p.role().name(), "roleLabel", p.role().label(), "department", p.department())).toList(),
                config.groups().stream().map(g -> Map.of("chatId", g.chatId(), "name", g.name())).toList());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
