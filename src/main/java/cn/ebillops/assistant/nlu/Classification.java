package cn.ebillops.assistant.nlu;

/** What a message means; severity and area are null unless it is a fault report. */
public record Classification(Intent intent, Severity severity, Area area, double confidence) {

    public Classification {
        if (intent != Intent.FAULT_REPORT) {
            severity = null;
            area = null;
        }
    }

    public boolean isFault() {
        return intent == Intent.FAULT_REPORT;
    }
}
