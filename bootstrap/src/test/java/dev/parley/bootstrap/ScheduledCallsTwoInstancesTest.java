package dev.parley.bootstrap;

import dev.parley.adapter.out.persistence.testing.PostgresRequirement;
import dev.parley.adapter.out.twilio.testing.TwilioApiStub;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two application instances on one PostgreSQL, both running the scheduler: schedules due within
 * two seconds are each dialled exactly once, and an instance stopped mid-run loses none.
 */
class ScheduledCallsTwoInstancesTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String CALLS = "/2010-04-01/Accounts/ACtest/Calls.json";
    private final List<AutoCloseable> closing = new ArrayList<>();
    private TwilioApiStub twilio;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) c.close();
    }

    private Map<String, Object> settings(String callsPerSecond) {
        twilio = new TwilioApiStub();
        closing.add(twilio);
        twilio.on("POST", CALLS, request -> new TwilioApiStub.Answer(201,
                "{\"sid\":\"" + TelephonyTestSupport.newSid() + "\",\"status\":\"queued\",\"account_sid\":\"ACtest\"}"));
        return new HashMap<>(Map.of(
                "parley.twilio.api-base-url", twilio.baseUrl(), "parley.twilio.account-sid", "ACtest",
                "parley.twilio.auth-token", TelephonyTestSupport.AUTH_TOKEN, "parley.public-url", TelephonyTestSupport.PUBLIC_URL,
                "parley.twilio.phone-number", TelephonyStandIns.SYSTEM_NUMBER.e164(),
                "parley.schedule.scheduler.polling-interval", "200ms",
                "parley.schedule.pace.calls-per-second", callsPerSecond,
                "parley.schedule.pace.store", "database"));
    }

    private EmbeddedServer[] twoInstances(String callsPerSecond) {
        Map<String, Object> shared = settings(callsPerSecond);
        EmbeddedServer a = ApplicationContext.run(EmbeddedServer.class, shared, "test");
        closing.add(a.getApplicationContext());
        Map<String, Object> second = new HashMap<>(shared);
        second.put("flyway.datasources.default.enabled", "false");   // A migrated the shared database already
        EmbeddedServer b = ApplicationContext.run(EmbeddedServer.class, second, "test");
        closing.add(b.getApplicationContext());
        return new EmbeddedServer[]{a, b};
    }

    private static List<Long> scheduleMany(HttpJson http, String token, int count, Instant first, Duration spread) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = first.plusMillis(spread.toMillis() * i / count);
            String body = "{\"phone_number\":\"+1505555" + String.format("%04d", i) + "\",\"scenario\":\"sales\",\"scheduled_time\":\""
                    + OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(-5)) + "\"}";
            HttpJson.Reply reply = http.postJson("/schedule-call", body, token);
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            ids.add(((Number) reply.map().get("id")).longValue());
        }
        return ids;
    }

    private static long count(HttpJson http, String token, String status) {
        return ((Number) http.get("/scheduled-calls?status=" + status, token).map().get("total")).longValue();
    }

    private static void awaitNonePending(HttpJson http, String token) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (count(http, token, "scheduled") == 0 && count(http, token, "placing") == 0) return;
            Thread.sleep(200);
        }
        throw new AssertionError("schedules still pending: " + count(http, token, "scheduled") + " scheduled, "
                + count(http, token, "placing") + " placing");
    }

    @Test
    void fiftySchedulesDueWithinTwoSecondsAreDialledExactlyOnceAcrossTwoInstances() throws Exception {
        assumeTrue(PostgresRequirement.isPostgresRun(), "runs in the PostgreSQL pass: two instances share one database");
        EmbeddedServer[] servers = twoInstances("50");
        JsonMapper json = servers[0].getApplicationContext().getBean(JsonMapper.class);
        HttpJson onA = new HttpJson(servers[0], json);
        HttpJson onB = new HttpJson(servers[1], json);
        String token = (String) onA.newUser("sched-" + UUID.randomUUID() + "@example.com").get("access_token");

        scheduleMany(onB, token, 50, Instant.now().plusSeconds(4), Duration.ofSeconds(2));
        awaitNonePending(onA, token);

        assertThat(count(onA, token, "placed")).isEqualTo(50);
        List<TwilioApiStub.Recorded> posts = twilio.requests("POST", CALLS);
        assertThat(posts).hasSize(50);
        Set<String> dialled = new HashSet<>();
        for (TwilioApiStub.Recorded post : posts) assertThat(dialled.add(post.formValue("To"))).as("dialled twice: " + post.formValue("To")).isTrue();
    }

    @Test
    void anInstanceStoppedMidRunLosesNoSchedule() throws Exception {
        assumeTrue(PostgresRequirement.isPostgresRun(), "runs in the PostgreSQL pass: two instances share one database");
        EmbeddedServer[] servers = twoInstances("10");
        JsonMapper json = servers[0].getApplicationContext().getBean(JsonMapper.class);
        HttpJson onA = new HttpJson(servers[0], json);
        String token = (String) onA.newUser("sched-" + UUID.randomUUID() + "@example.com").get("access_token");

        scheduleMany(onA, token, 30, Instant.now().plusSeconds(2), Duration.ofSeconds(1));
        Instant deadline = Instant.now().plus(WAIT);
        while (twilio.requests("POST", CALLS).size() < 8 && Instant.now().isBefore(deadline)) Thread.sleep(50);
        servers[1].getApplicationContext().close();
        awaitNonePending(onA, token);

        long placed = count(onA, token, "placed");
        long failed = count(onA, token, "failed");
        assertThat(placed + failed).isEqualTo(30);
        List<TwilioApiStub.Recorded> posts = twilio.requests("POST", CALLS);
        assertThat(posts).hasSize((int) placed);
        assertThat(posts.stream().map(p -> p.formValue("To")).distinct().count()).isEqualTo(posts.size());
    }

    @Test
    void schedulesSurviveARestartAndOnesLatePastTheGraceAreMissed() throws Exception {
        assumeTrue(PostgresRequirement.isPostgresRun(), "runs in the PostgreSQL pass: the database outlives the instances");
        Map<String, Object> settings = settings("20");
        settings.put("parley.schedule.grace", "3s");
        EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, settings, "test");
        JsonMapper json = first.getApplicationContext().getBean(JsonMapper.class);
        HttpJson http = new HttpJson(first, json);
        String token = (String) http.newUser("restart-" + UUID.randomUUID() + "@example.com").get("access_token");
        Instant now = Instant.now();
        long onTime = scheduleMany(http, token, 1, now.plusSeconds(8), Duration.ZERO).getFirst();
        long late = scheduleOne(http, token, "+15055559001", now.plusSeconds(2));
        first.getApplicationContext().close();   // no instance runs while the second one comes due

        while (Instant.now().isBefore(now.plusSeconds(6))) Thread.sleep(100);
        settings.put("flyway.datasources.default.enabled", "false");
        EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, settings, "test");
        closing.add(second.getApplicationContext());
        HttpJson again = new HttpJson(second, json);
        awaitNonePending(again, token);
        assertThat(again.get("/scheduled-calls/" + late, token).map()).containsEntry("status", "missed");
        assertThat(again.get("/scheduled-calls/" + onTime, token).map()).containsEntry("status", "placed");
        assertThat(twilio.requests("POST", CALLS)).singleElement().satisfies(p -> assertThat(p.formValue("To")).isEqualTo("+15055550000"));
    }

    private static long scheduleOne(HttpJson http, String token, String phone, Instant at) {
        HttpJson.Reply reply = http.postJson("/schedule-call", "{\"phone_number\":\"" + phone + "\",\"scenario\":\"sales\","
                + "\"scheduled_time\":\"" + OffsetDateTime.ofInstant(at, ZoneOffset.UTC) + "\"}", token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return ((Number) reply.map().get("id")).longValue();
    }
}
