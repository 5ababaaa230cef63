-- auth-service baseline. The outbox table comes from platform/outbox (db/platform/R__medi_outbox.sql).
-- Case-insensitive text for user names and e-mail addresses.
create extension if not exists citext;
