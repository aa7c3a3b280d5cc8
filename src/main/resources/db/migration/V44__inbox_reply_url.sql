-- channel.wecom: the one-use reply URL of a pending message (the AI bot callback's response_url). A
-- restart that finds an answer computed but not known to be delivered sends it there: WeCom accepts a
-- response_url once, so a second delivery is refused by WeCom itself instead of reaching the group twice.
alter table wecom_inbox add column reply_url varchar(1000);
