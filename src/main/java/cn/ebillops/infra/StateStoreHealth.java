package cn.ebillops.infra;

import java.time.Instant;
import java.util.Optional;

/** Whether the shared state runs degraded: a configured Redis that does not answer (the database serves). */
public interface StateStoreHealth {

    /** When Redis stopped answering; empty while it answers or when none is configured. */
    Optional<Instant> redisDownSince();
}
