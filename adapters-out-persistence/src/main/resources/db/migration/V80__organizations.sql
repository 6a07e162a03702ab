-- Organizations (seed 003) and what they add to calls. An organization's configuration (business,
-- safety, escalation, intake fields, voice, language) is one JSON document: it is always read and
-- written whole. A call runs for an organization when its scenario_ref is 'org:<id>'; org_calls holds
-- its conversation phase and intake data, org_call_escalations every escalation. Neither references
-- organizations: deleting an organization keeps its calls' records. Runs unchanged on PostgreSQL and H2.
CREATE SEQUENCE organizations_id_seq START WITH 1;

CREATE TABLE organizations (
    id         BIGINT PRIMARY KEY,
    tenant_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       VARCHAR(100) NOT NULL,
    config     TEXT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX organizations_tenant_idx ON organizations (tenant_id, id);

CREATE TABLE org_calls (
    call_id         BIGINT PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
    tenant_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id          BIGINT NOT NULL,
    phase           VARCHAR(16) NOT NULL,
    escalated       BOOLEAN NOT NULL,
    intake          TEXT,
    intake_urgency  VARCHAR(16) NOT NULL,
    intake_complete BOOLEAN NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX org_calls_tenant_idx ON org_calls (tenant_id, call_id);

CREATE SEQUENCE org_call_escalations_id_seq START WITH 1;

CREATE TABLE org_call_escalations (
    id         BIGINT PRIMARY KEY,
    tenant_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    call_id    BIGINT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    org_id     BIGINT NOT NULL,
    source     VARCHAR(32) NOT NULL,
    words      VARCHAR(500) NOT NULL,
    reason     VARCHAR(500) NOT NULL,
    urgency    VARCHAR(16) NOT NULL,
    action     VARCHAR(16) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX org_call_escalations_call_idx ON org_call_escalations (tenant_id, call_id, id);
CREATE INDEX calls_tenant_scenario_idx ON calls (tenant_id, scenario_ref, start_time, id);
