package cn.ebillops.duty;

import java.time.Instant;

/** Who is on duty at a moment (escalation order for incidents). */
public interface DutyLookup {

    DutyAssignment onDutyAt(Instant at);
}
