package cn.ebillops.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Drops the schemas and databases that tests without a Spring context created, once the whole
 * test run is over (registered in META-INF/services). Spring contexts clean up their own share
 * when they close (TestServicesInitializer).
 */
public final class SessionEndCleanup implements LauncherSessionListener {

    private static final List<Runnable> STEPS = new ArrayList<>();

    static synchronized void register(Runnable step) {
        STEPS.add(step);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        List<Runnable> steps;
        synchronized (SessionEndCleanup.class) {
            steps = List.copyOf(STEPS);
            STEPS.clear();
        }
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                System.err.println("test data not removed: " + e.getMessage());
            }
        }
    }
}
