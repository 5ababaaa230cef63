-- patient-service baseline. The outbox table comes from platform/outbox (db/platform/R__medi_outbox.sql).
-- Front-desk search: trigram similarity and accent-insensitive matching of names.
create extension if not exists pg_trgm;
create extension if not exists unaccent;
