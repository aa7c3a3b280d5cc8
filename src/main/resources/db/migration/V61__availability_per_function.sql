-- availability (V61): the probe also keeps each key function's own state. key_function is ALL for the
-- combined sample (the contract's figure, every row written before V61) or an InspectionScope name
-- (EBILL, SIGNING) for one function's sample; each figure is computed over its own rows by the same rule.
-- H2 (PostgreSQL mode) and PostgreSQL.
alter table availability_sample add column key_function varchar(20) default 'ALL' not null;
create index availability_sample_fn_at on availability_sample (key_function, at);
