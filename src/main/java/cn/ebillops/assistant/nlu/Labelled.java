package cn.ebillops.assistant.nlu;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;

/** One labelled message of the training data; {@code set} names the file it came from (for cross-validation). */
record Labelled(String text, Intent intent, Severity severity, Area area, String set) {
}
