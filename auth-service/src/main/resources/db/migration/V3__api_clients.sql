-- Hospital systems that call the API with the OAuth 2 client-credentials grant. The secret is 256 random
-- bits, so its SHA-256 is stored (a slow hash adds nothing for a secret nobody can guess).
create table api_clients (
    id          uuid        primary key,
    client_id   text        not null unique,
    name        text        not null,
    secret_hash text        not null,
    scopes      text[]      not null,
    active      boolean     not null default true,
    created_at  timestamptz not null,
    created_by  text        not null,
    version     bigint      not null default 0,
    constraint api_clients_scopes_known
        check (scopes <@ array['patient.read', 'patient.write', 'queue.read', 'queue.write']::text[])
);
