package cn.ebillops.infra;

import org.springframework.beans.factory.BeanCreationNotAllowedException;

/**
 * Whether a failure only says that the application is stopping: background work that started just
 * before a stop (the embedding model's load, a warm-up) finds the JVM shutting down (native code
 * fails in its own words then), the bean factory in destruction, or its thread interrupted (the background executor interrupts
 * what still runs when its wait at shutdown is over; nothing else interrupts it). That is an
 * ordinary stop, worth an INFO line, not an ERROR with a stack trace.
 */
public final class Stopping {

    private Stopping() {
    }

    public static boolean explains(Throwable failure) {
        return jvmShuttingDown() || saysSo(failure);
    }

    /**
     * The JVM refuses a new shutdown hook once its shutdown began: then anything a native library
     * does fails in its own way (onnxruntime: "Attempt to use DefaultLogger but none has been registered").
     */
    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static boolean saysSo(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BeanCreationNotAllowedException || t instanceof InterruptedException
                    || (t instanceof IllegalStateException && "Shutdown in progress".equals(t.getMessage()))) {
                return true;
            }
        }
        return false;
    }
}
