package cn.ebillops.infra;

import org.springframework.beans.factory.BeanCreationNotAllowedException;

/**
 * Whether a failure only says that the application is stopping: background work that started just
 * before a stop (the embedding model's load, a warm-up) finds the bean factory in destruction, the
 * JVM refusing a new shutdown hook, or its thread interrupted (the background executor interrupts
 * what still runs when its wait at shutdown is over; nothing else interrupts it). That is an
 * ordinary stop, worth an INFO line, not an ERROR with a stack trace.
 */
public final class Stopping {

    private Stopping() {
    }

    public static boolean explains(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BeanCreationNotAllowedException || t instanceof InterruptedException
                    || (t instanceof IllegalStateException && "Shutdown in progress".equals(t.getMessage()))) {
                return true;
            }
        }
        return false;
    }
}
