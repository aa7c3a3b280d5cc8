package cn.ebillops.inspection;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Small hand-made checks for engine tests. */
final class TestChecks {

    private TestChecks() {
    }

    static TargetBasics target(String name, InspectionScope scope, Duration timeout) {
        return new TargetBasics(name, scope, timeout);
    }

    static Check ok(String name, InspectionScope scope) {
        return new SimpleCheck("test:" + name, "测试检查 " + name, List.of(8), target(name, scope, Duration.ofSeconds(5))) {
            @Override
            public CheckResult run() {
                return result(CheckStatus.OK).figure("使用率(%)", "10.00").evidence("一切正常").build();
            }
        };
    }

    static Check status(String name, CheckStatus status, String figure) {
        return new SimpleCheck("test:" + name, "测试检查 " + name, List.of(8),
                target(name, InspectionScope.DISK, Duration.ofSeconds(5))) {
            @Override
            public CheckResult run() {
                return result(status).figure("最高使用率(%)", figure).evidence("/data 使用率 " + figure + "% ← " + status.label())
                        .suggestion("清理 /data").build();
            }
        };
    }

    /** Blocks until interrupted (or forever if it ignores interrupts). */
    static Check hung(String name, Duration timeout, boolean ignoreInterrupts) {
        return new SimpleCheck("test:" + name, "卡住的检查 " + name, List.of(3), target(name, InspectionScope.PAGES, timeout)) {
            @Override
            public CheckResult run() throws InterruptedException {
                CountDownLatch never = new CountDownLatch(1);
                while (true) {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        if (!ignoreInterrupts) {
                            throw e;
                        }
                    }
                }
            }
        };
    }

    static Check throwing(String name) {
        return new SimpleCheck("test:" + name, "出错的检查 " + name, List.of(9), target(name, InspectionScope.LOGS,
                Duration.ofSeconds(5))) {
            @Override
            public CheckResult run() {
                throw new IllegalStateException("连接被拒绝");
            }
        };
    }
}
