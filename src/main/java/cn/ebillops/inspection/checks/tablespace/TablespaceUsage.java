package cn.ebillops.inspection.checks.tablespace;

/**
 * One tablespace as read from the database. {@code maxBytes} is null when the database has no
 * maximum (PostgreSQL, MySQL file-per-table, autoextend without max): then the file system at
 * {@code location} is the limit.
 */
record TablespaceUsage(String name, boolean system, String type, long usedBytes, Long maxBytes,
                              String location) {
}
