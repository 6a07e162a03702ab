-- Scheduled calls (issue 16), the tenants' calling windows, the shared dial pace, and
-- db-scheduler's own table (its PostgreSQL schema, with VARCHAR keys so H2 accepts them too).
CREATE SEQUENCE scheduled_calls_id_seq START WITH 1;

CREATE TABLE scheduled_calls (
    id             BIGINT PRIMARY KEY,
    tenant_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    phone_number   VARCHAR(16) NOT NULL,
    scenario_ref   VARCHAR(100) NOT NULL,
    scheduled_time TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    status         VARCHAR(16) NOT NULL,
    attempts       INT NOT NULL,
    last_error     VARCHAR(1000),
    call_id        BIGINT,
    call_sid       VARCHAR(64),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX scheduled_calls_tenant_idx ON scheduled_calls (tenant_id, created_at, id);
CREATE INDEX scheduled_calls_tenant_status_idx ON scheduled_calls (tenant_id, status, created_at, id);

CREATE TABLE calling_windows (
    tenant_id  BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    time_zone  VARCHAR(64) NOT NULL,
    start_time VARCHAR(5) NOT NULL,
    end_time   VARCHAR(5) NOT NULL,
    days       VARCHAR(32) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- one row per pace: the next free dialling slot, taken under a row lock by whichever instance dials
CREATE TABLE dial_pace (
    name      VARCHAR(32) PRIMARY KEY,
    next_slot TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            VARCHAR(100),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

INSERT INTO dial_pace (name, next_slot) VALUES ('twilio', TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00');
