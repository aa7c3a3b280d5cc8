package cn.ebillops.ebill;

import java.net.URI;
import java.time.Duration;

/**
 * Where and as whom to call the platform. {@code servicePath} is the prefix the service name is
 * appended to ("/medical-web/api/medical/"). toString never shows the key.
 */
public record EbillEndpoint(URI baseUrl, String servicePath, String appid, String appKey, String version,
                            Duration timeout) {

    public static final String MEDICAL_PATH = "/medical-web/api/medical/";

    public URI uri(EbillService service) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        String path = servicePath.startsWith("/") ? servicePath : "/" + servicePath;
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return URI.create(base + path + service.serviceName());
    }

    @Override
    public String toString() {
        return "EbillEndpoint[" + baseUrl + servicePath + ", appid=" + appid + ", version=" + version + "]";
    }
}
