package cn.ebillops.inspection;

/** Public door to {@link SampleRuns} for tests in other packages. */
public final class SampleRunsAccess {

    private SampleRunsAccess() {
    }

    public static InspectionRun current() {
        return SampleRuns.current();
    }

    public static InspectionRun previous() {
        return SampleRuns.previous();
    }
}
