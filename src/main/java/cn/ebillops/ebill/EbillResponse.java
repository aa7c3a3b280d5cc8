package cn.ebillops.ebill;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * A verified platform answer. {@code resultCode} "S0000" is success: {@code business} then holds
 * the decoded business JSON; otherwise {@code message} is the platform's decoded error text.
 */
public record EbillResponse(EbillService service, String resultCode, String message, JsonNode business,
                            Duration elapsed) {

    public static final String SUCCESS = "S0000";

    public boolean success() {
        return SUCCESS.equals(resultCode);
    }

    /** A business field as text, "" when absent. */
    public String field(String name) {
        if (business == null) {
            return "";
        }
        JsonNode n = business.get(name);
        return n == null || n.isNull() || n.isContainer() ? "" : n.asString();
    }
}
