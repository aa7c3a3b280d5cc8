package cn.ebillops.assistant.command;

import cn.ebillops.assistant.Turn;
import cn.ebillops.config.Person;
import java.util.Arrays;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/** A parsed command: who, where, and the text after the command name. */
@NamedInterface("command")
public record CommandContext(Turn turn, String args) {

    public Person caller() {
        return turn.sender();
    }

    public String chatId() {
        return turn.chatId();
    }

    public List<String> argList() {
        return args.isBlank() ? List.of() : Arrays.asList(args.trim().split("\\s+"));
    }
}
