package cn.ebillops.ebill.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request/response examples written by hand from the shared reference (resource
 * ebill/reference-shapes.json). One copy: the reference tests and the go-live capture both read it,
 * so a capture is compared with exactly what the tests hold the client to.
 */
final class ReferenceShapes {

    static final String RESOURCE = "/ebill/reference-shapes.json";
    private static final JsonNode SHAPES = load();

    private ReferenceShapes() {
    }

    private static JsonNode load() {
        try (InputStream in = ReferenceShapes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the reference has an example answer for the service. */
    static boolean knows(String service) {
        return SHAPES.path(service).has("response");
    }

    /**
     * Fields of the reference's example answer that {@code actual} lacks, as paths ("billCodeList[].billBatchCodeList");
     * nested objects and the first element of arrays are compared too. Extra fields are allowed.
     */
    static List<String> missingResponseFields(String service, JsonNode actual) {
        List<String> missing = new ArrayList<>();
        missing(SHAPES.path(service).path("response"), actual, "", missing);
        return missing;
    }

    private static void missing(JsonNode expected, JsonNode actual, String path, List<String> out) {
        if (expected.isObject()) {
            for (var e : expected.properties()) {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                JsonNode a = actual == null ? null : actual.get(e.getKey());
                if (a == null || a.isNull()) {
                    out.add(p);
                } else {
                    missing(e.getValue(), a, p, out);
                }
            }
        } else if (expected.isArray() && !expected.isEmpty()) {
            if (!actual.isArray()) {
                out.add(path + "（应为数组）");
            } else if (!actual.isEmpty()) {
                missing(expected.get(0), actual.get(0), path + "[]", out);
            }
        }
    }
}
