-- Seed 001's UserPhoneNumber: numbers a tenant bought through Twilio. Released numbers are deleted.
CREATE SEQUENCE user_phone_numbers_id_seq START WITH 1;

CREATE TABLE user_phone_numbers (
    id               BIGINT PRIMARY KEY,
    tenant_id        BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    phone_number     VARCHAR(16) NOT NULL,
    twilio_sid       VARCHAR(64) NOT NULL,
    friendly_name    VARCHAR(64) NOT NULL,
    is_active        BOOLEAN NOT NULL,
    voice_capable    BOOLEAN NOT NULL,
    sms_capable      BOOLEAN NOT NULL,
    inbound_scenario VARCHAR(64) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX user_phone_numbers_tenant_idx ON user_phone_numbers (tenant_id, id);
-- the one index not led by tenant_id: a number belongs to one tenant, and inbound calls are routed by it
CREATE UNIQUE INDEX user_phone_numbers_number_uq ON user_phone_numbers (phone_number);
