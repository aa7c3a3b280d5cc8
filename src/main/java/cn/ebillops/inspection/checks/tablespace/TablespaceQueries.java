package cn.ebillops.inspection.checks.tablespace;

import cn.ebillops.inspection.checks.JdbcTarget.Vendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every tablespace SQL of every vendor, in this one class for review. Sizes are in bytes.
 * <ul>
 * <li>PostgreSQL — verified against the local PostgreSQL 15 (integration test).</li>
 * <li>MariaDB — verified against the local MariaDB 10.11 (integration test, INNODB_SYS_TABLESPACES
 * path). The MySQL 8 INFORMATION_SCHEMA.FILES path is written from MySQL's manual, not run here.</li>
 * <li>Oracle and DM8 — written from the vendors' documentation (../shared/reference/database-checks.md),
 * NOT run against a real server here.</li>
 * </ul>
 */
final class TablespaceQueries {

    // ---- Oracle 11g–19c: bytes from the data files, never block counts (block size varies). ----
    // max = Σ(AUTOEXTENSIBLE='YES' ? GREATEST(MAXBYTES, BYTES) : BYTES); used = Σ BYTES − Σ free.
    static final String ORACLE_PERMANENT = """
            SELECT df.TABLESPACE_NAME, ts.CONTENTS,
                   df.ALLOC_BYTES - NVL(fs.FREE_BYTES, 0) AS USED_BYTES, df.MAX_BYTES
              FROM (SELECT TABLESPACE_NAME, SUM(BYTES) AS ALLOC_BYTES,
                           SUM(CASE WHEN AUTOEXTENSIBLE = 'YES' THEN GREATEST(MAXBYTES, BYTES) ELSE BYTES END) AS MAX_BYTES
                      FROM DBA_DATA_FILES GROUP BY TABLESPACE_NAME) df
              JOIN DBA_TABLESPACES ts ON ts.TABLESPACE_NAME = df.TABLESPACE_NAME
              LEFT JOIN (SELECT TABLESPACE_NAME, SUM(BYTES) AS FREE_BYTES
                           FROM DBA_FREE_SPACE GROUP BY TABLESPACE_NAME) fs
                     ON fs.TABLESPACE_NAME = df.TABLESPACE_NAME
             WHERE ts.CONTENTS = 'PERMANENT'""";

    // UNDO: only ACTIVE and UNEXPIRED extents are in use (expired undo is reusable).
    static final String ORACLE_UNDO = """
            SELECT df.TABLESPACE_NAME, 'UNDO', NVL(u.USED_BYTES, 0) AS USED_BYTES, df.MAX_BYTES
              FROM (SELECT TABLESPACE_NAME,
                           SUM(CASE WHEN AUTOEXTENSIBLE = 'YES' THEN GREATEST(MAXBYTES, BYTES) ELSE BYTES END) AS MAX_BYTES
                      FROM DBA_DATA_FILES GROUP BY TABLESPACE_NAME) df
              JOIN DBA_TABLESPACES ts ON ts.TABLESPACE_NAME = df.TABLESPACE_NAME AND ts.CONTENTS = 'UNDO'
              LEFT JOIN (SELECT TABLESPACE_NAME, SUM(BYTES) AS USED_BYTES FROM DBA_UNDO_EXTENTS
                          WHERE STATUS IN ('ACTIVE', 'UNEXPIRED') GROUP BY TABLESPACE_NAME) u
                     ON u.TABLESPACE_NAME = df.TABLESPACE_NAME""";

    // TEMP: sizes from DBA_TEMP_FILES, free space from DBA_TEMP_FREE_SPACE (11.1+).
    static final String ORACLE_TEMP = """
            SELECT tf.TABLESPACE_NAME, 'TEMPORARY', tf.ALLOC_BYTES - NVL(fr.FREE_SPACE, 0) AS USED_BYTES, tf.MAX_BYTES
              FROM (SELECT TABLESPACE_NAME, SUM(BYTES) AS ALLOC_BYTES,
                           SUM(CASE WHEN AUTOEXTENSIBLE = 'YES' THEN GREATEST(MAXBYTES, BYTES) ELSE BYTES END) AS MAX_BYTES
                      FROM DBA_TEMP_FILES GROUP BY TABLESPACE_NAME) tf
              LEFT JOIN DBA_TEMP_FREE_SPACE fr ON fr.TABLESPACE_NAME = tf.TABLESPACE_NAME""";

    static final Set<String> ORACLE_SYSTEM = Set.of("SYSTEM", "SYSAUX");

    // ---- DM8: Oracle-compatible DBA_DATA_FILES / DBA_FREE_SPACE (bytes). ----
    static final String DM_TABLESPACES = """
            SELECT df.TABLESPACE_NAME, 'PERMANENT', df.ALLOC_BYTES - NVL(fs.FREE_BYTES, 0) AS USED_BYTES, df.MAX_BYTES
              FROM (SELECT TABLESPACE_NAME, SUM(BYTES) AS ALLOC_BYTES,
                           SUM(CASE WHEN AUTOEXTENSIBLE = 'YES' THEN GREATEST(MAXBYTES, BYTES) ELSE BYTES END) AS MAX_BYTES
                      FROM DBA_DATA_FILES GROUP BY TABLESPACE_NAME) df
              LEFT JOIN (SELECT TABLESPACE_NAME, SUM(BYTES) AS FREE_BYTES
                           FROM DBA_FREE_SPACE GROUP BY TABLESPACE_NAME) fs
                     ON fs.TABLESPACE_NAME = df.TABLESPACE_NAME""";

    static final Set<String> DM_SYSTEM = Set.of("SYSTEM", "ROLL", "TEMP", "SYSAUX");

    // ---- PostgreSQL: no maximum; size against the file system holding the tablespace. ----
    static final String PG_TABLESPACES = """
            SELECT spcname, pg_tablespace_size(oid) AS size_bytes, pg_tablespace_location(oid) AS location
              FROM pg_tablespace ORDER BY spcname""";
    // Visible to superusers and pg_read_all_settings; other users get no row (then no file-system figure).
    static final String PG_DATA_DIRECTORY = "SELECT setting FROM pg_settings WHERE name = 'data_directory'";

    // ---- MySQL 8: INFORMATION_SCHEMA.FILES (InnoDB rows). MariaDB leaves FILES empty. ----
    static final String MYSQL_FILES = """
            SELECT TABLESPACE_NAME, TOTAL_EXTENTS * EXTENT_SIZE AS SIZE_BYTES,
                   FREE_EXTENTS * EXTENT_SIZE AS FREE_BYTES, MAXIMUM_SIZE
              FROM INFORMATION_SCHEMA.FILES WHERE ENGINE = 'InnoDB' AND TABLESPACE_NAME IS NOT NULL""";
    // ---- MariaDB 10.x: INNODB_SYS_TABLESPACES (FILE_SIZE in bytes). ----
    static final String MARIADB_TABLESPACES = "SELECT NAME, FILE_SIZE FROM INFORMATION_SCHEMA.INNODB_SYS_TABLESPACES";
    static final String MYSQL_SETTINGS = "SELECT @@innodb_data_file_path, @@datadir";

    private static final Set<String> MYSQL_SYSTEM_SCHEMAS = Set.of("mysql", "sys", "performance_schema",
            "information_schema", "innodb_system", "innodb_temporary");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]?)B?", Pattern.CASE_INSENSITIVE);

    private TablespaceQueries() {
    }

    public static List<TablespaceUsage> read(Vendor vendor, Connection c, int timeoutSeconds) throws SQLException {
        return switch (vendor) {
            case ORACLE -> oracle(c, timeoutSeconds);
            case DM -> rows(c, DM_TABLESPACES, timeoutSeconds, DM_SYSTEM);
            case POSTGRESQL -> postgres(c, timeoutSeconds);
            case MYSQL -> mysql(c, timeoutSeconds);
        };
    }

    private static List<TablespaceUsage> oracle(Connection c, int timeout) throws SQLException {
        List<TablespaceUsage> out = new ArrayList<>(rows(c, ORACLE_PERMANENT, timeout, ORACLE_SYSTEM));
        out.addAll(rows(c, ORACLE_UNDO, timeout, ORACLE_SYSTEM));
        out.addAll(rows(c, ORACLE_TEMP, timeout, ORACLE_SYSTEM));
        return out;
    }

    /** Rows of (name, contents, used, max); UNDO and TEMP count as system tablespaces (item 6). */
    private static List<TablespaceUsage> rows(Connection c, String sql, int timeout, Set<String> system)
            throws SQLException {
        List<TablespaceUsage> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(timeout);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String type = rs.getString(2);
                    boolean sys = system.contains(name.toUpperCase(Locale.ROOT)) || "UNDO".equals(type)
                            || "TEMPORARY".equals(type);
                    out.add(new TablespaceUsage(name, sys, type, rs.getLong(3), rs.getLong(4), null));
                }
            }
        }
        return out;
    }

    private static List<TablespaceUsage> postgres(Connection c, int timeout) throws SQLException {
        String dataDir = null;
        try (PreparedStatement ps = c.prepareStatement(PG_DATA_DIRECTORY)) {
            ps.setQueryTimeout(timeout);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    dataDir = rs.getString(1);
                }
            }
        }
        List<TablespaceUsage> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(PG_TABLESPACES)) {
            ps.setQueryTimeout(timeout);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String loc = rs.getString(3);
                    if (loc == null || loc.isBlank()) {
                        loc = dataDir; // pg_default and pg_global live in the data directory
                    }
                    out.add(new TablespaceUsage(name, "pg_global".equals(name), "PERMANENT", rs.getLong(2), null, loc));
                }
            }
        }
        return out;
    }

    private static List<TablespaceUsage> mysql(Connection c, int timeout) throws SQLException {
        String dataFilePath = null;
        String dataDir = null;
        try (PreparedStatement ps = c.prepareStatement(MYSQL_SETTINGS)) {
            ps.setQueryTimeout(timeout);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    dataFilePath = rs.getString(1);
                    dataDir = rs.getString(2);
                }
            }
        }
        Map<String, long[]> bySchema = new LinkedHashMap<>(); // name → {used, max or -1}
        boolean mysqlFiles = false;
        try (PreparedStatement ps = c.prepareStatement(MYSQL_FILES)) {
            ps.setQueryTimeout(timeout);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    mysqlFiles = true;
                    long size = rs.getLong(2);
                    long free = rs.getLong(3);
                    long max = rs.getObject(4) == null ? -1 : rs.getLong(4);
                    merge(bySchema, group(rs.getString(1)), size - free, max);
                }
            }
        }
        if (!mysqlFiles) {
            try (PreparedStatement ps = c.prepareStatement(MARIADB_TABLESPACES)) {
                ps.setQueryTimeout(timeout);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        merge(bySchema, group(rs.getString(1)), rs.getLong(2), -1);
                    }
                }
            }
        }
        Long systemMax = dataFilePathMax(dataFilePath);
        List<TablespaceUsage> out = new ArrayList<>();
        for (var e : bySchema.entrySet()) {
            String name = e.getKey();
            boolean sys = MYSQL_SYSTEM_SCHEMAS.contains(name) || name.startsWith("innodb_undo");
            Long max = e.getValue()[1] > 0 ? Long.valueOf(e.getValue()[1])
                    : "innodb_system".equals(name) ? systemMax : null;
            out.add(new TablespaceUsage(name, sys, "PERMANENT", e.getValue()[0], max, dataDir));
        }
        return out;
    }

    /** "db/table" file-per-table tablespaces are summed per schema; others keep their name. */
    private static String group(String tablespace) {
        int slash = tablespace.indexOf('/');
        return slash > 0 ? tablespace.substring(0, slash) : tablespace;
    }

    private static void merge(Map<String, long[]> m, String key, long used, long max) {
        long[] v = m.computeIfAbsent(key, k -> new long[]{0, 0});
        v[0] += used;
        v[1] = max < 0 || v[1] < 0 ? -1 : v[1] + max;
    }

    /**
     * innodb_data_file_path "file:size[:autoextend[:max:size]][;file:…]": the system tablespace's
     * maximum, or null when it may grow to the disk (autoextend without max).
     */
    static Long dataFilePathMax(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        long total = 0;
        for (String file : spec.split(";")) {
            String[] p = file.split(":");
            if (p.length < 2) {
                return null;
            }
            long size = parseSize(p[1]);
            boolean autoextend = p.length > 2 && "autoextend".equalsIgnoreCase(p[2]);
            if (autoextend) {
                if (p.length > 4 && "max".equalsIgnoreCase(p[3])) {
                    size = parseSize(p[4]);
                } else {
                    return null;
                }
            }
            total += size;
        }
        return total;
    }

    static long parseSize(String s) {
        Matcher m = SIZE.matcher(s.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("size " + s);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            case "G" -> n << 30;
            case "T" -> n << 40;
            default -> n;
        };
    }
}
