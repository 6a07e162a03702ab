package dev.parley.adapter.out.persistence.transcript;

import dev.parley.adapter.out.persistence.testing.PostgresRequirement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V51 lists the calls captured before V50: a database with calls and lines at V50 gets one live row
 * per call with lines, none for a call without lines or with an Intelligence transcript. On H2, and
 * in the PostgreSQL pass on PostgreSQL (in a schema of its own).
 */
class LiveTranscriptBackfillTest {
    @Test
    void callsCapturedBeforeTheMigrationAreListed() throws Exception {
        boolean postgres = PostgresRequirement.isPostgresRun();
        String schema = "backfill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = postgres ? PostgresRequirement.jdbcUrl() + (PostgresRequirement.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema
                : "jdbc:h2:mem:" + schema + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        String user = postgres ? "postgres" : "sa";
        flyway(url, user, postgres, schema).target("50").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO users (id, email, hashed_password, is_active, is_admin, created_at) "
                        + "VALUES (1, 'a@example.com', 'x', TRUE, FALSE, CURRENT_TIMESTAMP)");
                for (int call = 1; call <= 3; call++)
                    s.execute("INSERT INTO calls (id, tenant_id, call_sid, direction, customer_number, organization_number, scenario_ref, "
                            + "status, start_time, duration, updated_at) VALUES (" + call + ", 1, 'CA" + call + "', 'outbound', '+14155550100', "
                            + "'+14155550199', 'sales', 'completed', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+00', 20, CURRENT_TIMESTAMP)");
                for (int call : new int[]{1, 3})   // call 2 has no lines; call 3 has an Intelligence transcript
                    s.execute("INSERT INTO call_messages (id, tenant_id, call_id, message_type, sender_type, content, confidence, is_final, "
                            + "start_ms, end_ms, created_at) VALUES (" + call + ", 1, " + call + ", 'transcript', 'agent', 'Hello there from call "
                            + call + ".', 1.0, TRUE, 0, 1000, CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO enhanced_transcripts (id, tenant_id, transcript_sid, call_sid, call_date, duration, call_direction, "
                        + "scenario_name, participant_count, conversation_turns, total_words, speakers, sentences, full_text, created_at) "
                        + "VALUES (9, 1, 'GT3', 'CA3', CURRENT_TIMESTAMP, 20, 'outbound', 'sales', 1, 1, 4, '1:agent', '[]', 'x', CURRENT_TIMESTAMP)");
            }
        }
        flyway(url, user, postgres, schema).load().migrate();

        try (Connection c = DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT transcript_sid, source, total_words, full_text, duration FROM enhanced_transcripts "
                     + "ORDER BY transcript_sid")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("CA1");
            assertThat(rs.getString(2)).isEqualTo("live");
            assertThat(rs.getInt(3)).isEqualTo(5);
            assertThat(rs.getString(4)).isEqualTo("Hello there from call 1.");
            assertThat(rs.getLong(5)).isEqualTo(20);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("GT3");
            assertThat(rs.getString(2)).isEqualTo("intelligence");
            assertThat(rs.next()).isFalse();
        } finally {
            if (postgres) try (Connection c = DriverManager.getConnection(PostgresRequirement.jdbcUrl(), "postgres", "");
                               Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url, String user, boolean postgres, String schema) {
        var config = Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration")
                .placeholders(java.util.Map.of("jsontype", postgres ? "JSONB" : "TEXT"));
        return postgres ? config.schemas(schema).createSchemas(true) : config;
    }
}
