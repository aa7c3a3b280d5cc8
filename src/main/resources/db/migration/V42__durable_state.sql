-- infra: the key-value state (message ids seen, locks, counters, pending offers) kept in the database,
-- where it survives a restart and is shared by every instance: the record when Redis is not
-- configured, and the fallback while a configured Redis is down. Expired rows are ignored and
-- purged now and then. Written for H2 (PostgreSQL mode) and PostgreSQL.
create table kv_entry (
    k          varchar(200)  not null primary key,
    v          varchar(4000) not null,
    expires_at timestamp     not null
);
create index kv_entry_expires on kv_entry (expires_at);

-- channel.wecom: the answer computed for a pending message, kept until it is known to have gone out, so
-- a restart in between re-sends that answer instead of computing a second, different one.
alter table wecom_inbox add column reply text;
