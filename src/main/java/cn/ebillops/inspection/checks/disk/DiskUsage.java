package cn.ebillops.inspection.checks.disk;

import cn.ebillops.inspection.Thresholds;

/** One mounted file system: bytes used and available to ordinary users (as df computes Use%). */
record DiskUsage(String mount, String filesystem, long usedBytes, long availableBytes) {

    public double percent() {
        return Thresholds.percent(usedBytes, usedBytes + availableBytes);
    }
}
