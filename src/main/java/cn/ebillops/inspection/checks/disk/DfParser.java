package cn.ebillops.inspection.checks.disk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses POSIX {@code df -P} output (1024-byte blocks, one line per file system). Pseudo and
 * read-only image file systems (tmpfs, squashfs…) are skipped: they are full by design.
 */
final class DfParser {

    private static final Set<String> PSEUDO = Set.of("tmpfs", "devtmpfs", "squashfs", "udev", "none", "shm",
            "overlay_tmp", "cgroup", "proc", "sysfs");

    private DfParser() {
    }

    public static List<DiskUsage> parse(String output) {
        List<DiskUsage> out = new ArrayList<>();
        String[] lines = output.split("\\R");
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            // Filesystem 1024-blocks Used Available Capacity Mounted-on (mount may contain spaces)
            if (f.length < 6 || !f[1].matches("\\d+") || !f[2].matches("\\d+") || !f[3].matches("\\d+")) {
                continue;
            }
            String fs = f[0];
            if (PSEUDO.contains(fs) || fs.startsWith("/dev/loop") || "0".equals(f[1])) {
                continue;
            }
            String mount = String.join(" ", java.util.Arrays.copyOfRange(f, 5, f.length));
            out.add(new DiskUsage(mount, fs, Long.parseLong(f[2]) * 1024, Long.parseLong(f[3]) * 1024));
        }
        return out;
    }
}
