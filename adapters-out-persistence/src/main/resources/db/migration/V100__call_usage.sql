-- The per-call ledger (issue 21): what each bridged call used (model tokens) and how fast the assistant
-- answered, written by the call journal when the media stream ends; and each tenant's optional monthly budget.
-- Costs are not stored: they are estimated when read, from these facts, the calls' durations and the unit prices.
CREATE TABLE call_usage (
    call_id            BIGINT PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
    tenant_id          BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    input_text_tokens  BIGINT NOT NULL,
    input_audio_tokens BIGINT NOT NULL,
    cached_text_tokens BIGINT NOT NULL,
    cached_audio_tokens BIGINT NOT NULL,
    output_text_tokens BIGINT NOT NULL,
    output_audio_tokens BIGINT NOT NULL,
    turns              INTEGER NOT NULL,
    turn_p50_ms        BIGINT NOT NULL,
    turn_max_ms        BIGINT NOT NULL,
    first_audio_ms     BIGINT NOT NULL,
    barge_ins          INTEGER NOT NULL
);
CREATE INDEX call_usage_tenant_idx ON call_usage (tenant_id, call_id);

CREATE TABLE usage_budgets (
    tenant_id         BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    monthly_limit_usd NUMERIC(12, 2) NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
