-- audit: the tamper-evident record of every command and state change (who, route, what, before/after,
-- outcome, when). Each row carries the hash of the one before (hash = SHA-256 of the previous hash and
-- the row's canonical content); ids are given by the appender, one after another, so a deleted row leaves
-- a gap. audit_chain_head holds the last id and hash: it is locked (select … for update) by every
-- append, so concurrent writers, on one instance or several, cannot fork the chain, and a row deleted
-- from the end or added behind the appender's back is seen. Rows are never deleted (kept ≥ 180 days).
-- Written for H2 (PostgreSQL mode) and PostgreSQL.
create table audit_log (
    id           bigint                   not null primary key,
    at           timestamp with time zone not null,
    actor        varchar(100)             not null,
    route        varchar(40)              not null,
    action       varchar(60)              not null,
    target       varchar(200)             not null,
    before_value varchar(1000),
    after_value  varchar(2000),
    outcome      varchar(500),
    prev_hash    varchar(64)              not null,
    hash         varchar(64)              not null
);
create index audit_log_at on audit_log (at);

create table audit_chain_head (
    id        int         not null primary key,
    last_id   bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_chain_head (id, last_id, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
