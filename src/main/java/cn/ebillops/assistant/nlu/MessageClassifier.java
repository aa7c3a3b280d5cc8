package cn.ebillops.assistant.nlu;

import org.springframework.modulith.NamedInterface;

/** Offline understanding of one chat message (no network). Thread-safe. */
@NamedInterface("nlu")
public interface MessageClassifier {

    Classification classify(String text);

    /**
     * The message read as a fault report whatever its intent: level and area for a question the sender
     * later confirms is a present fault (「报故障」).
     */
    Classification classifyAsFault(String text);
}
