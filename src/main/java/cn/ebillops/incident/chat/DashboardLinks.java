package cn.ebillops.incident.chat;

import cn.ebillops.incident.IncidentTexts;
import cn.ebillops.inspection.InspectionProperties;
import org.springframework.stereotype.Component;

/**
 * The line that ends a chat answer with a link to its view on the console's dashboard, at the public address the
 * report links use (EBILLOPS_PUBLIC_URL, ebillops.inspection.report-base-url).
 */
@Component
class DashboardLinks {

    static final String PAGES = "/console/dashboard/";

    private final IncidentTexts texts;
    private final String base;

    DashboardLinks(IncidentTexts texts, InspectionProperties properties) {
        this.texts = texts;
        this.base = properties.reportBaseUrl().replaceAll("/+$", "") + PAGES;
    }

    /** "/status" and "现在系统正常吗": the Now view. */
    String now() {
        return texts.text("incident.view.dashboardLink", "url", base + "now.html");
    }

    /** "/incident N": the incident opened in the Incidents view. */
    String incident(long number) {
        return texts.text("incident.view.dashboardLink", "url", base + "incidents.html#" + number);
    }
}
