package cn.ebillops.incident;

import cn.ebillops.config.Person;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;

/** A person's fault report as the incident module takes it (text already PII-masked). */
public record FaultReport(Person reporter, String chatId, String textMasked, Severity severity, Area area) {

    public FaultReport {
        severity = severity == null ? Severity.III : severity;
        area = area == null ? Area.SYSTEM : area;
        textMasked = textMasked == null ? "" : textMasked;
    }
}
