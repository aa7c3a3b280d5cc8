package cn.ebillops.assistant.nlu;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;

/** One labelled example sentence from bot-config/nlu/exemplars.yaml. */
record Exemplar(String text, Intent intent, Severity severity, Area area) {
}
