package cn.ebillops.assistant.command;

import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.config.Role;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.modulith.NamedInterface;

/**
 * The one declaration of a slash command, on its handler class: which command (its name and intent come
 * from {@link SlashCommand}, the table the classifier reads), who it is for, and its help. /help and the
 * registry derive everything from it.
 */
@NamedInterface("command")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ChatCommand {

    SlashCommand value();

    /** Usage line shown in /help, e.g. "/inspect [ebill|db|backup|disk|logs|signing|pages]". */
    String usage();

    /** One Chinese sentence for /help. */
    String help();

    /**
     * The least role that may run it ({@link Role#ENGINEER}: engineers and administrators). The service the
     * command calls enforces it, because cards and the model's tools reach the same service; help shows it and
     * a test runs every command as hospital staff to keep the two in step.
     */
    Role requires() default Role.STAFF;
}
