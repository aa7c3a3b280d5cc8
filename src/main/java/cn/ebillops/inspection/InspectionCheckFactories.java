package cn.ebillops.inspection;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.inspection.checks.backend.BackendCheckFactory;
import cn.ebillops.inspection.checks.backup.BackupCheckFactory;
import cn.ebillops.inspection.checks.disk.DiskCheckFactory;
import cn.ebillops.inspection.checks.http.HttpPageCheckFactory;
import cn.ebillops.inspection.checks.log.LogScanCheckFactory;
import cn.ebillops.inspection.checks.tablespace.TablespaceCheckFactory;
import java.time.Clock;
import java.util.List;

/**
 * This module's check factories built by hand, for scripts/check-config.sh: it parses targets with
 * them as the start does, but never runs a check, so nothing here touches the database.
 */
public final class InspectionCheckFactories {

    private InspectionCheckFactories() {
    }

    public static List<CheckFactory> withoutSpring(Clock clock, PiiMasker masker, String applicationName) {
        return List.of(new HttpPageCheckFactory(), new BackendCheckFactory(), new DiskCheckFactory(),
                new BackupCheckFactory(clock), new TablespaceCheckFactory(),
                // the state store is used only when a log check runs
                new LogScanCheckFactory(new CheckStateStore(null, clock), clock, masker, applicationName));
    }
}
