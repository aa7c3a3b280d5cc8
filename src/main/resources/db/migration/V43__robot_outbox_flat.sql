-- channel.wecom: summaries stay one level deep (issue 12, item 5).
-- queued_at: when the notice was queued; for a summary, when its first notice was. Pending rows
--   of a chat go out in this order, and a summary lists its notices in it.
-- originals: for a summary, how many original notices it lists (they point at it by merged_into);
--   0 for a notice. A summary merged into a new summary hands over its notices, never its text.
alter table wecom_robot_outbox add column queued_at timestamp;
alter table wecom_robot_outbox add column originals integer not null default 0;
update wecom_robot_outbox set queued_at = created_at;
-- summaries made before: the notices (or older summaries) merged into them
update wecom_robot_outbox s
   set originals = (select count(*) from wecom_robot_outbox o where o.merged_into = s.id),
       queued_at = (select min(o.created_at) from wecom_robot_outbox o where o.merged_into = s.id)
 where exists (select 1 from wecom_robot_outbox o where o.merged_into = s.id);
alter table wecom_robot_outbox alter column queued_at set not null;
create index wecom_robot_outbox_queue on wecom_robot_outbox (chat_id, status, queued_at);
create index wecom_robot_outbox_merged on wecom_robot_outbox (merged_into);
