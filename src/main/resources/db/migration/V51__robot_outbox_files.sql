-- channel.wecom: files (the Word report of an inspection) in the group robot's outbox (issue 15, item 4).
-- file_name set: the row is a file message, queued after its text notice and sent alone (never merged
--   into a summary); body then holds the file name. file_content: the bytes (WeCom takes 5 B to 20 MB),
--   kept until WeCom took the file, so a restart or an outage loses none; cleared once sent.
alter table wecom_robot_outbox add column file_name varchar(255);
alter table wecom_robot_outbox add column file_content bytea;
