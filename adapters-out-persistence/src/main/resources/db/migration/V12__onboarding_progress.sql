-- Seed 001's UserOnboardingStatus: one row per tenant, created at registration.
CREATE TABLE onboarding_progress (
    tenant_id              BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    phone_number_setup     BOOLEAN NOT NULL,
    calendar_connected     BOOLEAN NOT NULL,
    first_scenario_created BOOLEAN NOT NULL,
    welcome_call_completed BOOLEAN NOT NULL,
    current_step           VARCHAR(32),
    started_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at           TIMESTAMP WITH TIME ZONE
);
