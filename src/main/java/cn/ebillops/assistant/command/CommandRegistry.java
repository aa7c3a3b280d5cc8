package cn.ebillops.assistant.command;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** All slash commands, collected from the beans; names must be unique. */
@Component
public class CommandRegistry {

    private final Map<String, Command> byName;

    public CommandRegistry(List<Command> commands) {
        this.byName = commands.stream().collect(Collectors.toMap(Command::name, Function.identity(), (a, b) -> {
            throw new IllegalStateException("duplicate command /" + a.name());
        }));
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<Command> all() {
        return byName.values().stream().sorted(Comparator.comparing(Command::name)).toList();
    }
}
