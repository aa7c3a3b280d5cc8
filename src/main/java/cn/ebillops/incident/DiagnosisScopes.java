package cn.ebillops.incident;

import cn.ebillops.contract.Area;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.InspectionScope;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Which checks diagnose a fault of an area, and which area a failing check belongs to. */
final class DiagnosisScopes {

    private DiagnosisScopes() {
    }

    public static Set<InspectionScope> forArea(Area area) {
        return switch (area) {
            case ISSUANCE -> EnumSet.of(InspectionScope.EBILL, InspectionScope.SIGNING);
            case SIGNING -> EnumSet.of(InspectionScope.SIGNING);
            case INTERFACE, ARCHIVE, DELIVERY, MANAGEMENT, REPORT -> EnumSet.of(InspectionScope.EBILL);
            case ADMIN -> EnumSet.of(InspectionScope.EBILL, InspectionScope.PAGES);
            case SYSTEM -> EnumSet.of(InspectionScope.PAGES, InspectionScope.DB, InspectionScope.DISK,
                    InspectionScope.BACKUP);
        };
    }

    /** Signing checks → SIGNING; e-bill interface checks → ISSUANCE (what staff report as 开票失败); else SYSTEM. */
    public static Area areaOf(CheckResult result, Set<InspectionScope> runScopes) {
        String id = result.checkId().toLowerCase(Locale.ROOT);
        if (isSigning(result)) {
            return Area.SIGNING;
        }
        if (id.startsWith("ebill")) {
            return Area.ISSUANCE;
        }
        if (runScopes.size() == 1) {
            InspectionScope only = runScopes.iterator().next();
            if (only == InspectionScope.SIGNING) {
                return Area.SIGNING;
            }
            if (only == InspectionScope.EBILL) {
                return Area.ISSUANCE;
            }
        }
        return Area.SYSTEM;
    }

    public static boolean isSigning(CheckResult result) {
        String id = result.checkId().toLowerCase(Locale.ROOT);
        return id.startsWith("signing") || id.startsWith("svs") || result.contractItems().contains(0);
    }
}
