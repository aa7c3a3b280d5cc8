package cn.ebillops.ebill.check;

import cn.ebillops.assistant.PiiMasker;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks patient data in a business JSON before a capture is written for the vendor. Every text goes
 * through {@link PiiMasker} (ID numbers, phones, labelled names); a bare name in a field only the HIS
 * fills with a person (payer, patientName…) has no label the masker could see, so it is masked by its
 * field; card numbers and e-mails likewise. Field names and nesting stay: they are what the vendor compares.
 */
final class CaptureMasking {

    private static final Set<String> NAME_FIELDS = Set.of("payer", "payername", "patientname", "name", "consignee",
            "contactname", "linkman");
    private static final Set<String> NUMBER_FIELDS = Set.of("idcardno", "cardno", "tel", "phone", "mobile", "email",
            "medicalinsuranceid", "socialsecurityno", "patientid");

    private final PiiMasker masker;
    private final String secret;

    /** {@code secret}: the app key, blanked wherever a platform might echo it (it is never put in a capture on purpose). */
    CaptureMasking(PiiMasker masker, String secret) {
        this.masker = masker;
        this.secret = secret == null ? "" : secret;
    }

    JsonNode mask(JsonNode node) {
        return node == null ? JsonNodeFactory.instance.nullNode() : mask(null, node);
    }

    String mask(String text) {
        String t = masker.mask(text);
        return t == null || secret.length() < 4 ? t : t.replace(secret, "******");
    }

    private JsonNode mask(String field, JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (var e : node.properties()) {
                out.set(e.getKey(), mask(e.getKey(), e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(mask(field, n)));
            return out;
        }
        if (!node.isString() || field == null) {
            return node;
        }
        String key = field.toLowerCase(Locale.ROOT);
        String text = node.asString();
        if (text.isEmpty()) {
            return node;
        }
        if (NAME_FIELDS.contains(key)) {
            return JsonNodeFactory.instance.stringNode(text.charAt(0) + "*".repeat(Math.max(1, text.length() - 1)));
        }
        String masked = mask(text);
        if (NUMBER_FIELDS.contains(key) && masked.equals(text)) {
            // a card number or e-mail the masker has no pattern for: keep its length, hide the rest
            masked = "*".repeat(Math.max(0, text.length() - 2)) + text.substring(Math.max(0, text.length() - 2));
        }
        return JsonNodeFactory.instance.stringNode(masked);
    }
}
