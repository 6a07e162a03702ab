-- Calls and what was said in them (live-captured transcript lines). Column names follow the
-- product documents' phone_calls / phone_call_messages tables. Runs unchanged on PostgreSQL and H2.
CREATE SEQUENCE calls_id_seq START WITH 1;

CREATE TABLE calls (
    id                      BIGINT PRIMARY KEY,
    tenant_id               BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    call_sid                VARCHAR(64),
    direction               VARCHAR(16) NOT NULL,
    customer_number         VARCHAR(20) NOT NULL,
    organization_number     VARCHAR(20) NOT NULL,
    scenario_ref            VARCHAR(100) NOT NULL,
    status                  VARCHAR(20) NOT NULL,
    start_time              TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at             TIMESTAMP WITH TIME ZONE,
    end_time                TIMESTAMP WITH TIME ZONE,
    duration                BIGINT NOT NULL,
    end_reason              VARCHAR(100),
    stream_token_hash       CHAR(64),
    stream_token_expires_at TIMESTAMP WITH TIME ZONE,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL
);
-- a carrier SID names one call; calls not yet dialled have none (NULLs do not collide)
CREATE UNIQUE INDEX calls_call_sid_uq ON calls (call_sid);
CREATE INDEX calls_tenant_start_idx ON calls (tenant_id, start_time, id);

CREATE SEQUENCE call_messages_id_seq START WITH 1;

CREATE TABLE call_messages (
    id           BIGINT PRIMARY KEY,
    tenant_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    call_id      BIGINT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    message_type VARCHAR(20) NOT NULL,
    sender_type  VARCHAR(16) NOT NULL,
    content      TEXT NOT NULL,
    confidence   DOUBLE PRECISION NOT NULL,
    is_final     BOOLEAN NOT NULL,
    start_ms     BIGINT NOT NULL,
    end_ms       BIGINT NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX call_messages_tenant_call_idx ON call_messages (tenant_id, call_id, id);
