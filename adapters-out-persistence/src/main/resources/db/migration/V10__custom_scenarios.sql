-- Tenants' custom scenarios (at most 20 each: enforced by the application under a lock on the tenant's users row).
CREATE SEQUENCE custom_scenarios_id_seq START WITH 1;

CREATE TABLE custom_scenarios (
    id          BIGINT PRIMARY KEY,
    tenant_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    scenario_id VARCHAR(64) NOT NULL,
    persona     VARCHAR(4000) NOT NULL,
    prompt      VARCHAR(8000) NOT NULL,
    voice_type  VARCHAR(32) NOT NULL,
    temperature DOUBLE PRECISION NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX custom_scenarios_tenant_ref_uq ON custom_scenarios (tenant_id, scenario_id);
CREATE INDEX custom_scenarios_tenant_id_idx ON custom_scenarios (tenant_id, id);
