package cn.ebillops.inspection;

import java.time.Duration;
import java.util.List;

/**
 * One check of one target. {@link #run()} may block or throw: the runner enforces
 * {@link #timeout()} and turns a throw or hang into {@link CheckStatus#ERROR} (无法检查).
 */
public interface Check {

    /** Stable id, e.g. "tablespace:ebill-oracle". */
    String id();

    /** Chinese name for reports, e.g. "用户表空间使用率". */
    String name();

    /** Contract item numbers (一.2–16; 0 = signing server 二.3). */
    List<Integer> contractItems();

    InspectionScope scope();

    /** Target name from bot-config (targets.yaml). */
    String target();

    Duration timeout();

    CheckResult run() throws Exception;

    /**
     * Whether a run writes on the target (e.g. issues a real test bill). Such checks run only in
     * inspections, never in availability probes or incident diagnoses (see {@link InspectionService}).
     */
    default boolean writesToTarget() {
        return false;
    }
}
