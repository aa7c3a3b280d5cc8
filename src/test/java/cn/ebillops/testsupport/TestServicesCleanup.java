package cn.ebillops.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;

/** What a test context took from the real services, given back when it closes (see TestServicesInitializer). */
final class TestServicesCleanup implements DisposableBean {

    private final List<Runnable> steps = new ArrayList<>();

    void add(Runnable step) {
        steps.add(step);
    }

    @Override
    public void destroy() {
        RuntimeException first = null;
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first; // Spring logs it with the bean name; the next step still ran
        }
    }
}
