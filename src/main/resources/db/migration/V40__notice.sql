-- Service-calendar notices (duty/schedule module). One row per (kind, occasion): the primary key
-- is what makes a notice go out once across restarts and instances. status: CLAIMED (being sent,
-- claimed_at starts a lease), SENT, FAILED (retried), MISSED (expired while the assistant was down;
-- the administrators were told). Written for H2 (PostgreSQL mode) and PostgreSQL.
create table notice (
    kind        varchar(40)  not null,
    occasion    varchar(100) not null,
    due_at      timestamp    not null,
    status      varchar(16)  not null,
    late        boolean      not null default false,
    claimed_by  varchar(120),
    claimed_at  timestamp,
    sent_at     timestamp,
    attempts    integer      not null default 0,
    last_error  varchar(500),
    primary key (kind, occasion)
);
create index notice_due on notice (due_at);

-- When the calendar started keeping notices: occasions due before it are not "missed".
create table notice_epoch (
    id         integer   not null primary key,
    started_at timestamp not null
);
