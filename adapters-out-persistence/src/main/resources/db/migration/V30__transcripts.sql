-- Transcripts: the carrier transcripts we asked for (whose they are), the raw copies in Twilio's
-- format, and the enhanced copies. Runs unchanged on PostgreSQL and on H2 in MODE=PostgreSQL.
-- Transcript ids (GT…) are unique platform-wide, so a retried webhook or import stores once;
-- every other index leads with tenant_id. JSON is kept as TEXT (TOOLCHAIN.md §4).
CREATE SEQUENCE transcript_requests_id_seq START WITH 1;

CREATE TABLE transcript_requests (
    id              BIGINT PRIMARY KEY,
    tenant_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    transcript_sid  VARCHAR(64) NOT NULL,
    call_sid        VARCHAR(64) NOT NULL,
    recording_sid   VARCHAR(64),            -- NULL for media URLs: the unique index ignores NULLs
    media_url       VARCHAR(2000) NOT NULL,
    call_direction  VARCHAR(16) NOT NULL,
    scenario_name   VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX transcript_requests_sid_uq ON transcript_requests (transcript_sid);
CREATE UNIQUE INDEX transcript_requests_recording_uq ON transcript_requests (recording_sid);
CREATE INDEX transcript_requests_tenant_idx ON transcript_requests (tenant_id, created_at, id);

CREATE SEQUENCE stored_twilio_transcripts_id_seq START WITH 1;

CREATE TABLE stored_twilio_transcripts (
    id              BIGINT PRIMARY KEY,
    tenant_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    transcript_sid  VARCHAR(64) NOT NULL,
    status          VARCHAR(32) NOT NULL,
    date_created    VARCHAR(40) NOT NULL,
    date_updated    VARCHAR(40) NOT NULL,
    duration        INTEGER NOT NULL,
    language_code   VARCHAR(16) NOT NULL DEFAULT 'en-US',
    sentences       TEXT NOT NULL,          -- the sentences exactly as Twilio sent them (JSON array)
    account_sid     VARCHAR(64) NOT NULL,
    service_sid     VARCHAR(64) NOT NULL,
    customer_key    VARCHAR(64) NOT NULL,
    call_sid        VARCHAR(64) NOT NULL,
    scenario_name   VARCHAR(100) NOT NULL,
    full_text       TEXT NOT NULL,          -- the sentences' text, for search
    stored_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX stored_twilio_transcripts_sid_uq ON stored_twilio_transcripts (transcript_sid);
CREATE INDEX stored_twilio_transcripts_tenant_idx ON stored_twilio_transcripts (tenant_id, id);

CREATE SEQUENCE enhanced_transcripts_id_seq START WITH 1;

CREATE TABLE enhanced_transcripts (
    id                  BIGINT PRIMARY KEY,
    tenant_id           BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    transcript_sid      VARCHAR(64) NOT NULL,
    call_sid            VARCHAR(64) NOT NULL,
    call_date           TIMESTAMP WITH TIME ZONE NOT NULL,
    duration            BIGINT NOT NULL,
    call_direction      VARCHAR(16) NOT NULL,
    scenario_name       VARCHAR(100) NOT NULL,
    participant_count   INTEGER NOT NULL,
    conversation_turns  INTEGER NOT NULL,
    total_words         INTEGER NOT NULL,
    speakers            VARCHAR(200) NOT NULL,  -- channel:role pairs, e.g. 1:agent,2:customer
    sentences           TEXT NOT NULL,          -- JSON array of the sentences the analysis is computed from
    full_text           TEXT NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX enhanced_transcripts_sid_uq ON enhanced_transcripts (transcript_sid);
CREATE INDEX enhanced_transcripts_tenant_date_idx ON enhanced_transcripts (tenant_id, call_date, id);
CREATE INDEX enhanced_transcripts_tenant_direction_idx ON enhanced_transcripts (tenant_id, call_direction, call_date, id);
