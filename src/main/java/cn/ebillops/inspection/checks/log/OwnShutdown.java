package cn.ebillops.inspection.checks.log;

/**
 * Recognises the lines this assistant wrote while it was stopping, so the log check does not report
 * the assistant's own stop as a fault of the system it watches (a stop with a WARN or a stack trace
 * would otherwise turn the next /inspect logs yellow). Spring Boot's line format names the application
 * ({@code [ebill-ops-assistant]}) and the thread; the stop runs on Spring's shutdown hook thread
 * ({@code SpringApplicationShutdownHook}, printed as {@code ionShutdownHook}) and ends with the process;
 * the next start of the same application ("Starting … using Java") ends it in the file. Lines of other
 * applications, and of the assistant while it runs, are judged as usual. One instance per scanned range.
 */
final class OwnShutdown {

    private final String applicationTag;
    private boolean stopping;
    private boolean ours;

    OwnShutdown(String applicationName) {
        this.applicationTag = applicationName == null || applicationName.isBlank() ? null : "[" + applicationName + "]";
    }

    /**
     * True when the line was written by the assistant during its own stop. A line that starts with a
     * digit (a time stamp) starts an entry and says whose it is; the lines after it without one (a
     * stack trace) belong to the same entry.
     */
    boolean during(String line) {
        if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
            ours = applicationTag != null && line.contains(applicationTag);
            if (ours && line.contains("ionShutdownHook]")) {
                stopping = true;
            } else if (ours && line.contains(" Starting ") && line.contains(" using Java ")) {
                stopping = false;
            }
        }
        return stopping && ours;
    }
}
