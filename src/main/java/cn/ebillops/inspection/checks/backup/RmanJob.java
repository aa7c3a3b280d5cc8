package cn.ebillops.inspection.checks.backup;

/** One row of V$RMAN_BACKUP_JOB_DETAILS, age computed by the database (no time-zone guessing). */
record RmanJob(String inputType, String status, double ageHours, long outputBytes) {

    /** Oracle: healthy = COMPLETED or COMPLETED WITH WARNINGS. */
    public boolean healthy() {
        return "COMPLETED".equals(status) || "COMPLETED WITH WARNINGS".equals(status);
    }

    public boolean failed() {
        return "FAILED".equals(status) || "COMPLETED WITH ERRORS".equals(status);
    }
}
