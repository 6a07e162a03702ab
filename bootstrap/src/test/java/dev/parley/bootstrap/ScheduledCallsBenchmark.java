package dev.parley.bootstrap;

import dev.parley.adapter.out.persistence.testing.PostgresRequirement;
import dev.parley.adapter.out.twilio.testing.TwilioApiStub;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scheduled calls at volume, reported, not asserted beyond "all placed once": 100,000 pending
 * schedules on PostgreSQL, 1,000 of them due at the same instant. Reports the time until all 1,000
 * are placed at the configured pace, the process CPU while idle with 100,000 pending, and the
 * database's transactions and rows read per second, idle and while firing. Off by default:
 * <pre>./mvnw -B -pl bootstrap -am verify -Dparley.benchmark=true -Dtest=ScheduledCallsBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dparley.benchmark.cps=50] [-Dparley.benchmark.pending=100000] \
 *     [-Dparley.benchmark.due=1000]</pre>
 * (PostgreSQL pass only.)
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "parley.benchmark", matches = "true")
class ScheduledCallsBenchmark {
    private static final String CALLS = "/2010-04-01/Accounts/ACtest/Calls.json";

    @Test
    void aThousandDueAmongAHundredThousandPending() throws Exception {
        assumeTrue(PostgresRequirement.isPostgresRun(), "the benchmark runs on PostgreSQL");
        int pending = Integer.getInteger("parley.benchmark.pending", 100_000);
        int due = Integer.getInteger("parley.benchmark.due", 1_000);
        String cps = System.getProperty("parley.benchmark.cps", "50");
        try (TwilioApiStub twilio = new TwilioApiStub()) {
            twilio.on("POST", CALLS, request -> new TwilioApiStub.Answer(201,
                    "{\"sid\":\"" + TelephonyTestSupport.newSid() + "\",\"status\":\"queued\",\"account_sid\":\"ACtest\"}"));
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                    "parley.twilio.api-base-url", twilio.baseUrl(), "parley.twilio.account-sid", "ACtest",
                    "parley.twilio.auth-token", TelephonyTestSupport.AUTH_TOKEN, "parley.public-url", TelephonyTestSupport.PUBLIC_URL,
                    "parley.twilio.phone-number", TelephonyStandIns.SYSTEM_NUMBER.e164(),
                    "parley.schedule.pace.calls-per-second", cps, "parley.schedule.pace.store", "database"), "test")) {
                HttpJson http = new HttpJson(server, server.getApplicationContext().getBean(JsonMapper.class));
                String token = (String) http.newUser("bench-" + UUID.randomUUID() + "@example.com").get("access_token");
                long tenant = ((Number) http.get("/users/me", token).map().get("id")).longValue();
                DataSource ds = server.getApplicationContext().getBean(DataSourceResolver.class)
                        .resolve(server.getApplicationContext().getBean(DataSource.class));

                Instant dueAt = Instant.now().plusSeconds(40);
                long insertStart = System.nanoTime();
                insert(ds, tenant, pending, due, dueAt);
                System.out.printf("[bench] inserted %,d pending schedules (%,d due at once) in %.1f s%n", pending, due,
                        (System.nanoTime() - insertStart) / 1e9);

                // idle: 100,000 pending, none due
                Thread.sleep(3_000);
                long cpu0 = processCpuNanos();
                long[] db0 = dbStats(ds);
                long idleStart = System.nanoTime();
                Thread.sleep(15_000);
                double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
                long cpuIdle = processCpuNanos() - cpu0;
                long[] db1 = dbStats(ds);
                System.out.printf("[bench] idle with %,d pending: process CPU %.2f%% of one core; database %.1f transactions/s, %.0f rows read/s%n",
                        pending, cpuIdle / 1e9 / idleSeconds * 100, (db1[0] - db0[0]) / idleSeconds, (db1[1] - db0[1]) / idleSeconds);

                while (Instant.now().isBefore(dueAt)) Thread.sleep(50);
                long[] fire0 = dbStats(ds);
                long cpuFire0 = processCpuNanos();
                long fireStart = System.nanoTime();
                Instant deadline = Instant.now().plus(Duration.ofSeconds(due / Math.max(1, Integer.parseInt(cps)) * 3L + 60));
                // watched through the Twilio stand-in, so the benchmark's own probe does not load the database
                while (twilio.requests("POST", CALLS).size() < due && Instant.now().isBefore(deadline)) Thread.sleep(50);
                while (count(ds, "placing") > 0 && Instant.now().isBefore(deadline)) Thread.sleep(50);
                double fireSeconds = (System.nanoTime() - fireStart) / 1e9;
                long[] fire1 = dbStats(ds);
                long cpuFire = processCpuNanos() - cpuFire0;
                long placed = count(ds, "placed");
                System.out.printf("[bench] %,d due at once, %s calls/s: all placed %.1f s after they came due (ideal %.1f s); "
                                + "process CPU %.1f%% of one core; database %.0f transactions/s, %.0f rows read/s%n",
                        due, cps, fireSeconds, due / Double.parseDouble(cps), cpuFire / 1e9 / fireSeconds * 100,
                        (fire1[0] - fire0[0]) / fireSeconds, (fire1[1] - fire0[1]) / fireSeconds);
                assertThat(placed).isEqualTo(due);
                assertThat(twilio.requests("POST", CALLS)).hasSize(due);
            }
        }
    }

    private static void insert(DataSource ds, long tenant, int pending, int due, Instant dueAt) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long first;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT nextval('scheduled_calls_id_seq')")) {
                rs.next();
                first = rs.getLong(1) + 1;
            }
            try (Statement s = c.createStatement()) {
                s.execute("SELECT setval('scheduled_calls_id_seq', " + (first + pending) + ")");
            }
            try (PreparedStatement calls = c.prepareStatement("INSERT INTO scheduled_calls (id, tenant_id, phone_number, scenario_ref, "
                    + "scheduled_time, due_at, status, attempts, created_at, updated_at) VALUES (?, ?, ?, 'sales', ?, ?, 'scheduled', 0, ?, ?)");
                 PreparedStatement tasks = c.prepareStatement("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, "
                         + "version) VALUES ('scheduled-call', ?, ?, FALSE, 1)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < pending; i++) {
                    long id = first + i;
                    Instant at = i < due ? dueAt : dueAt.plus(Duration.ofMinutes(60 + (long) i * 5));
                    Timestamp when = Timestamp.from(at);
                    calls.setLong(1, id);
                    calls.setLong(2, tenant);
                    calls.setString(3, "+1505" + String.format("%07d", i));
                    calls.setTimestamp(4, when);
                    calls.setTimestamp(5, when);
                    calls.setTimestamp(6, now);
                    calls.setTimestamp(7, now);
                    calls.addBatch();
                    tasks.setString(1, Long.toString(id));
                    tasks.setTimestamp(2, when);
                    tasks.addBatch();
                    if (i % 2_000 == 1_999) {
                        calls.executeBatch();
                        tasks.executeBatch();
                    }
                }
                calls.executeBatch();
                tasks.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("ANALYZE scheduled_tasks");
                s.execute("ANALYZE scheduled_calls");
            }
        }
    }

    private static long count(DataSource ds, String status) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("SELECT count(*) FROM scheduled_calls WHERE status = ?")) {
            s.setString(1, status);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Transactions committed and rows read (returned + fetched) by the whole database so far. */
    private static long[] dbStats(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("SELECT xact_commit, tup_returned + tup_fetched FROM pg_stat_database WHERE datname = current_database()")) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
