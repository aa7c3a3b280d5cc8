package cn.ebillops.assistant.nlu;

/** Offline understanding of one chat message (no network). Thread-safe. */
public interface MessageClassifier {

    Classification classify(String text);
}
