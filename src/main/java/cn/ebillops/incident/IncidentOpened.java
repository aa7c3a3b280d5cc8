package cn.ebillops.incident;

/** Event: a new incident was opened (diagnosis and the duty engineer's notice follow). */
record IncidentOpened(Incident incident) {
}
