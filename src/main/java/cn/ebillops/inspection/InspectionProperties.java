package cn.ebillops.inspection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Spring settings of the inspection module (config/inspection.yml, prefix ebillops.inspection).
 *
 * @param overallDeadline no inspection takes longer than this; unfinished checks become 无法检查
 * @param reportBaseUrl   public base URL for report links in chat (e.g. https://ops.example.org)
 * @param engineer        engineer named on report covers when the trigger names nobody
 */
@ConfigurationProperties("ebillops.inspection")
public record InspectionProperties(@DefaultValue("60s") Duration overallDeadline,
                                   @DefaultValue("http://127.0.0.1:8080") String reportBaseUrl,
                                   @DefaultValue("") String engineer) {
}
