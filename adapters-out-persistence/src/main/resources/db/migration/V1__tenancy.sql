-- Accounts and sessions. Runs unchanged on PostgreSQL and on H2 in MODE=PostgreSQL.
CREATE SEQUENCE users_id_seq START WITH 1;

CREATE TABLE users (
    id              BIGINT PRIMARY KEY,
    email           VARCHAR(254) NOT NULL,
    hashed_password VARCHAR(255) NOT NULL,
    is_active       BOOLEAN NOT NULL,
    is_admin        BOOLEAN NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
-- emails are stored normalised (trimmed, lower case), so a plain unique index is case-insensitive
CREATE UNIQUE INDEX users_email_uq ON users (email);

CREATE SEQUENCE refresh_tokens_id_seq START WITH 1;

CREATE TABLE refresh_tokens (
    id          BIGINT PRIMARY KEY,
    tenant_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family      BIGINT NOT NULL,
    token_hash  CHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX refresh_tokens_hash_uq ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_tenant_family_idx ON refresh_tokens (tenant_id, family);
