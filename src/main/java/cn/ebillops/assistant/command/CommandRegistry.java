package cn.ebillops.assistant.command;

import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.config.Role;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.aop.support.AopUtils;
import org.springframework.stereotype.Component;

/** All slash commands, collected from the beans and their {@link ChatCommand} declarations; names must be unique. */
@Component
public class CommandRegistry {

    /** A command as /help and the assistant see it: its declaration and its handler. */
    public record Registered(SlashCommand command, String usage, String help, Role requires, Command handler) {

        public String name() {
            return command.commandName();
        }

        public Intent intent() {
            return command.intent();
        }
    }

    private final Map<String, Registered> byName;

    public CommandRegistry(List<Command> commands) {
        this.byName = commands.stream().map(CommandRegistry::registered)
                .collect(Collectors.toMap(Registered::name, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("duplicate command /" + a.name());
                }));
    }

    private static Registered registered(Command handler) {
        Class<?> type = AopUtils.getTargetClass(handler);
        ChatCommand d = type.getAnnotation(ChatCommand.class);
        if (d == null) {
            throw new IllegalStateException(type.getName() + " is a Command without @ChatCommand");
        }
        return new Registered(d.value(), d.usage(), d.help(), d.requires(), handler);
    }

    public Optional<Registered> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<Registered> all() {
        return byName.values().stream().sorted(Comparator.comparing(Registered::name)).toList();
    }
}
