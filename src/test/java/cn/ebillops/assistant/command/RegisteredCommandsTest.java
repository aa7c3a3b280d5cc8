package cn.ebillops.assistant.command;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.nlu.MessageClassifier;
import cn.ebillops.assistant.nlu.SlashCommand;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The registered command beans and the static table the classifier reads are one to one. */
@SpringBootTest
class RegisteredCommandsTest {

    @Autowired
    CommandRegistry registry;
    @Autowired
    MessageClassifier classifier;

    @Test
    void everyRegisteredCommandClassifiesAsItsDeclaredIntent() {
        assertThat(registry.all()).isNotEmpty();
        for (Command c : registry.all()) {
            assertThat(classifier.classify("/" + c.name()).intent()).as("/" + c.name()).isEqualTo(c.intent());
            assertThat(classifier.classify("／" + c.name().toUpperCase(Locale.ROOT) + " 1 备注").intent())
                    .as("／" + c.name()).isEqualTo(c.intent());
        }
    }

    @Test
    void everyDeclaredCommandIsRegistered() {
        assertThat(registry.all()).extracting(Command::declaration).containsExactlyInAnyOrder(SlashCommand.values());
    }
}
