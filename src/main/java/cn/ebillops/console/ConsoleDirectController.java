package cn.ebillops.console;

import cn.ebillops.channel.InboundLimits;
import cn.ebillops.config.BotConfig;
import cn.ebillops.web.RequestRefused;
import java.security.Principal;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "我的消息": the direct messages and button cards the assistant sends a person (what WeCom's app shows
 * them), and the cards' buttons. Whose they are is the login's; only the demo's picker names the person
 * in the request, as it does for speaking.
 */
@RestController
@RequestMapping("/api/console/direct")
@ConditionalOnBooleanProperty(name = "ebillops.console.enabled", matchIfMissing = true)
class ConsoleDirectController {

    public record PressRequest(String key, String userId) {
    }

    private final ConsoleTranscript transcript;
    private final ConsoleCards cards;
    private final BotConfig config;
    private final boolean demo;

    ConsoleDirectController(ConsoleTranscript transcript, ConsoleCards cards, BotConfig config,
                            ConsoleProperties properties) {
        this.transcript = transcript;
        this.cards = cards;
        this.config = config;
        this.demo = properties.demoPicker();
    }

    @GetMapping
    public List<ConsoleTranscript.Line> mine(@RequestParam(defaultValue = "0") long after,
                                             @RequestParam(required = false) String userId, Principal principal) {
        return transcript.directSince(who(userId, principal), after);
    }

    @PostMapping("/{seq}/press")
    public ConsoleCards.Pressed press(@PathVariable long seq, @RequestBody PressRequest req, Principal principal) {
        if (req == null || req.key() == null || req.key().isBlank()) {
            throw RequestRefused.badRequest("bad_request", "请提供按钮 key");
        }
        InboundLimits.id(req.key());
        return cards.press(seq, req.key(), config.person(who(req.userId(), principal)));
    }

    /** The session's person; in the demo the picked one, which the page sends. */
    private String who(String requested, Principal principal) {
        if (!demo) {
            return principal.getName();
        }
        if (requested == null || requested.isBlank()) {
            throw RequestRefused.badRequest("bad_request", "请提供 userId（演示模式）");
        }
        InboundLimits.id(requested);
        return requested;
    }
}
