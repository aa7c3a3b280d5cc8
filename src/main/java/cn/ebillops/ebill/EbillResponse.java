package cn.ebillops.ebill;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * A verified platform answer. {@code resultCode} "S0000" is success: {@code business} then holds
 * the decoded business JSON (an empty object when the platform answered plain text, then in
 * {@code message}); otherwise {@code message} is the platform's decoded error text.
 * {@code signProblem} is empty when the response sign matched, else the evidence (sign prefixes only).
 */
public record EbillResponse(EbillService service, String resultCode, String message, JsonNode business,
                            Duration elapsed, String signProblem) {

    public static final String SUCCESS = "S0000";

    public boolean success() {
        return SUCCESS.equals(resultCode);
    }

    public EbillResponse(EbillService service, String resultCode, String message, JsonNode business, Duration elapsed) {
        this(service, resultCode, message, business, elapsed, "");
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
