package cn.ebillops.assistant.nlu;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import org.springframework.modulith.NamedInterface;

/**
 * What a message means; severity and area are null unless it is a fault report. {@code normalized}
 * is the text as the classifier read it (dialect, fillers and typos resolved), so a reader can
 * see what it understood; null where no text was read (a slash command, an empty message).
 */
@NamedInterface("nlu")
public record Classification(Intent intent, Severity severity, Area area, double confidence, String normalized) {

    public Classification {
        if (intent != Intent.FAULT_REPORT) {
            severity = null;
            area = null;
        }
    }

    public Classification(Intent intent, Severity severity, Area area, double confidence) {
        this(intent, severity, area, confidence, null);
    }

    public boolean isFault() {
        return intent == Intent.FAULT_REPORT;
    }

    Classification withNormalized(String text) {
        return new Classification(intent, severity, area, confidence, text);
    }
}
