package cn.ebillops.assistant.nlu;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Every slash command by name with the intent it stands for: the one table that the command beans
 * name in their {@code @ChatCommand} declaration and the classifier reads. It is static
 * because the classifier runs without Spring (scripts/classify.sh, {@link NluEvaluation}); a test
 * keeps it and the registered beans one to one.
 */
@NamedInterface("nlu")
public enum SlashCommand {
    ACK("ack", Intent.INCIDENT_FOLLOWUP),
    AUDIT("audit", Intent.OTHER),
    CANCEL("cancel", Intent.INCIDENT_FOLLOWUP),
    CLOSE("close", Intent.INCIDENT_FOLLOWUP),
    DUTY("duty", Intent.DUTY_QUERY),
    HELP("help", Intent.OTHER),
    HOLIDAYS("holidays", Intent.OTHER),
    INCIDENT("incident", Intent.INCIDENT_FOLLOWUP),
    INSPECT("inspect", Intent.INSPECTION_REQUEST),
    LEVEL("level", Intent.INCIDENT_FOLLOWUP),
    MAINTENANCE("maintenance", Intent.STATUS_QUERY),
    ONSITE("onsite", Intent.INCIDENT_FOLLOWUP),
    REMOTE("remote", Intent.INCIDENT_FOLLOWUP),
    RESOLVE("resolve", Intent.INCIDENT_FOLLOWUP),
    SCHEDULE("schedule", Intent.OTHER),
    STATS("stats", Intent.STATUS_QUERY),
    STATUS("status", Intent.STATUS_QUERY),
    WHOAMI("whoami", Intent.OTHER);

    private final String commandName;
    private final Intent intent;

    SlashCommand(String commandName, Intent intent) {
        this.commandName = commandName;
        this.intent = intent;
    }

    /** Name without the slash, lower case, e.g. "inspect". */
    public String commandName() {
        return commandName;
    }

    public Intent intent() {
        return intent;
    }

    public static Optional<SlashCommand> named(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.commandName.equals(n)).findFirst();
    }

    /** The intent of a message that is a slash command ("/inspect db", "／status"); an unknown name is OTHER. */
    static Optional<Intent> intentOf(String text) {
        return ParsedCommand.parse(text).map(p -> named(p.name()).map(SlashCommand::intent).orElse(Intent.OTHER));
    }
}
