-- Availability probes store a run every minute: find and purge them by trigger and age.
create index ix_inspection_run_trigger on inspection_run (trigger_source, started_at);
