package cn.ebillops.report;

import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The inspections before a run (newest first), for the trend charts: the chain of "previous" runs. */
@FunctionalInterface
interface RunHistory {

    List<InspectionRun> before(InspectionRun run, int max);

    @Component
    class Stored implements RunHistory {

        private final InspectionService inspections;

        Stored(InspectionService inspections) {
            this.inspections = inspections;
        }

        @Override
        public List<InspectionRun> before(InspectionRun run, int max) {
            List<InspectionRun> out = new ArrayList<>();
            Optional<InspectionRun> p = inspections.previous(run.id());
            while (p.isPresent() && out.size() < max) {
                out.add(p.get());
                p = inspections.previous(p.get().id());
            }
            return out;
        }
    }
}
