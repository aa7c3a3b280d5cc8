package cn.ebillops.assistant.nlu;

/** One labelled message of the training data; {@code set} names the file it came from (for cross-validation). */
record Labelled(String text, Intent intent, Severity severity, Area area, String set) {
}
