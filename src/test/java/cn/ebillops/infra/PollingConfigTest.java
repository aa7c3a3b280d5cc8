package cn.ebillops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.TaskScheduler;

/** The pollers' scheduler stops before the beans its passes use are destroyed. */
class PollingConfigTest {

    /** Only a hung pass reaches it, and the test then fails saying so. */
    private static final long MAX_SECONDS = 30;

    @Test
    void closingTheContextLetsARunningPassFinishBeforeAnyBeanIsDestroyed() throws InterruptedException {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch closing = new CountDownLatch(1);
        AnnotationConfigApplicationContext ctx = new AnnotationConfigApplicationContext();
        ctx.register(PollingConfig.class);
        ctx.registerBean("dataSource", DisposableBean.class, () -> () -> order.add("data source closed"));
        ctx.addApplicationListener((ApplicationListener<ContextClosedEvent>) e -> closing.countDown());
        ctx.refresh();
        ctx.getBean("dataSource"); // created after the scheduler, so destroyed before it

        ctx.getBean(TaskScheduler.class).scheduleWithFixedDelay(() -> {
            order.add("pass on " + Thread.currentThread().getName().replaceAll("\\d+$", "N"));
            running.countDown();
            try {
                // the pass is still at work when the close begins
                order.add(closing.await(MAX_SECONDS, TimeUnit.SECONDS) ? "pass ended" : "pass never saw the close");
            } catch (InterruptedException e) {
                order.add("pass interrupted");
            }
        }, Duration.ofMinutes(1));
        assertThat(running.await(MAX_SECONDS, TimeUnit.SECONDS)).isTrue();
        ctx.close();

        assertThat(order).containsExactly("pass on ebillops-poll-N", "pass ended", "data source closed");
    }
}
