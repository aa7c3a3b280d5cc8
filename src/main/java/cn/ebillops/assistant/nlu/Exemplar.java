package cn.ebillops.assistant.nlu;

/** One labelled example sentence from bot-config/nlu/exemplars.yaml. */
record Exemplar(String text, Intent intent, Severity severity, Area area) {
}
