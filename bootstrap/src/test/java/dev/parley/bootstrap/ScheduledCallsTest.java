package dev.parley.bootstrap;

import dev.parley.adapter.out.twilio.testing.TwilioApiStub;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled calls end to end (issue 16), with the real scenario catalogue and db-scheduler on the
 * test database: booking, listing, moving, canceling, every 422, tenant isolation, and firing
 * against Twilio's REST stand-in (placed, retried after a 503, failed on a 400).
 */
@MicronautTest(transactional = false)
class ScheduledCallsTest extends TelephonyTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CALLS = "/2010-04-01/Accounts/ACtest/Calls.json";

    @Inject
    DataSource rawDataSource;
    @Inject
    DataSourceResolver resolver;
    DataSource dataSource;

    @org.junit.jupiter.api.BeforeEach
    void unwrapDataSource() {
        dataSource = resolver.resolve(rawDataSource);
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.remove("parley.test.telephony-stand-ins");
        properties.put("parley.twilio.phone-number", TelephonyStandIns.SYSTEM_NUMBER.e164());
        properties.put("parley.schedule.scheduler.polling-interval", "200ms");
        properties.put("parley.schedule.retry-backoff", "300ms");
        properties.put("parley.schedule.pace.calls-per-second", "20");
        properties.put("parley.schedule.pace.store", "database");
        // a dead instance is noticed after 4 missed heartbeats of 300 ms
        properties.put("parley.schedule.scheduler.heartbeat-interval", "300ms");
        properties.put("parley.schedule.scheduler.missed-heartbeats", "4");
        return properties;
    }

    static String inSeconds(long seconds) {
        return OffsetDateTime.now(ZoneOffset.ofHours(-5)).plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private HttpJson.Reply schedule(Tenant tenant, String phone, String scenario, String time) {
        return http.postJson("/schedule-call", "{\"phone_number\":\"" + phone + "\",\"scenario\":\"" + scenario + "\",\"scheduled_time\":\""
                + time + "\"}", tenant.accessToken());
    }

    private long scheduled(Tenant tenant, String phone, String time) {
        HttpJson.Reply reply = schedule(tenant, phone, "sales", time);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return ((Number) reply.map().get("id")).longValue();
    }

    private Map<String, Object> awaitStatus(Tenant tenant, long id, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        Map<String, Object> last = null;
        while (Instant.now().isBefore(deadline)) {
            last = http.get("/scheduled-calls/" + id, tenant.accessToken()).map();
            if (status.equals(last.get("status"))) return last;
            Thread.sleep(100);
        }
        throw new AssertionError("scheduled call " + id + " never became " + status + ": " + last);
    }

    /** This test's dials only: a schedule of an earlier test in the same application may still go off. */
    private List<TwilioApiStub.Recorded> postsTo(String number) {
        return twilio.requests("POST", CALLS).stream().filter(r -> number.equals(r.formValue("To"))).toList();
    }

    private static String detail(HttpJson.Reply reply) {
        return reply.body();
    }

    @Test
    void aScheduledCallIsBookedListedMovedAndCanceled() {
        Tenant ann = newTenant();
        String at = inSeconds(3600);
        HttpJson.Reply created = schedule(ann, "+15055550100", "sales", at);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Map<String, Object> body = created.map();
        long id = ((Number) body.get("id")).longValue();
        assertThat(body).containsEntry("phone_number", "+15055550100").containsEntry("scenario", "sales")
                .containsEntry("status", "scheduled").containsKey("created_at");
        assertThat(body.get("scheduled_time")).isEqualTo(OffsetDateTime.parse(at).toInstant().toString());
        scheduled(ann, "+15055550101", inSeconds(7200));

        HttpJson.Reply list = http.get("/scheduled-calls?skip=0&limit=1", ann.accessToken());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.map()).containsEntry("total", 2).containsEntry("skip", 0).containsEntry("limit", 1);
        assertThat((List<?>) list.map().get("scheduled_calls")).singleElement()
                .satisfies(c -> assertThat(c.toString()).contains("phone_number=+15055550101"));

        String moved = "2027-01-05T10:30:00Z";
        HttpJson.Reply move = http.putJson("/scheduled-calls/" + id, "{\"scheduled_time\":\"" + moved + "\"}", ann.accessToken());
        assertThat(move.status()).as(move.body()).isEqualTo(200);
        assertThat(move.map()).containsEntry("scheduled_time", moved).containsEntry("status", "scheduled");

        HttpJson.Reply canceled = http.delete("/scheduled-calls/" + id, ann.accessToken());
        assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
        assertThat(canceled.map()).containsEntry("status", "canceled");
        assertThat(http.delete("/scheduled-calls/" + id, ann.accessToken()).status()).isEqualTo(409);
        assertThat(http.putJson("/scheduled-calls/" + id, "{\"scheduled_time\":\"" + moved + "\"}", ann.accessToken()).status())
                .isEqualTo(409);

        HttpJson.Reply canceledOnly = http.get("/scheduled-calls?status=canceled", ann.accessToken());
        assertThat(canceledOnly.map()).containsEntry("total", 1);
        assertThat(http.get("/scheduled-calls?status=scheduled", ann.accessToken()).map()).containsEntry("total", 1);
        assertThat(http.get("/scheduled-calls?status=bogus", ann.accessToken()).status()).isEqualTo(422);
        assertThat(postsTo("+15055550100")).isEmpty();
        assertThat(postsTo("+15055550101")).isEmpty();
    }

    @Test
    void anotherTenantsScheduleIsNotFound() {
        Tenant ann = newTenant();
        Tenant bob = newTenant();
        long id = scheduled(ann, "+15055550100", inSeconds(3600));
        assertThat(http.get("/scheduled-calls/" + id, bob.accessToken()).status()).isEqualTo(404);
        assertThat(http.putJson("/scheduled-calls/" + id, "{\"scheduled_time\":\"" + inSeconds(7200) + "\"}", bob.accessToken()).status())
                .isEqualTo(404);
        assertThat(http.delete("/scheduled-calls/" + id, bob.accessToken()).status()).isEqualTo(404);
        assertThat(http.get("/scheduled-calls", bob.accessToken()).map()).containsEntry("total", 0);
        assertThat(http.get("/scheduled-calls/abc", ann.accessToken()).status()).isEqualTo(404);
        assertThat(http.get("/scheduled-calls/" + id, null).status()).isEqualTo(401);
        assertThat(http.get("/scheduled-calls/" + id, ann.accessToken()).map()).containsEntry("status", "scheduled");
    }

    @Test
    void badSchedulesAreClear422s() {
        Tenant ann = newTenant();
        Tenant bob = newTenant();
        HttpJson.Reply bobsScenario = http.postJson("/custom-scenarios", "{\"persona\":\"You are Bob's agent.\",\"prompt\":\"Sell.\"}",
                bob.accessToken());
        assertThat(bobsScenario.status()).as(bobsScenario.body()).isEqualTo(201);
        String bobs = (String) bobsScenario.map().get("scenario_id");
        String later = inSeconds(3600);

        assertThat(detail(expect422(schedule(ann, "15055550100", "sales", later)))).contains("phone_number").contains("E.164");
        assertThat(detail(expect422(schedule(ann, "+1 505 555", "sales", later)))).contains("E.164");
        assertThat(detail(expect422(schedule(ann, "+15055550100", "sales", "2026-12-24T15:00:00")))).contains("zone offset");
        assertThat(detail(expect422(schedule(ann, "+15055550100", "sales", inSeconds(-300))))).contains("in the past");
        assertThat(detail(expect422(schedule(ann, "+15055550100", "sales", inSeconds(367L * 86400))))).contains("more than a year");
        assertThat(detail(expect422(schedule(ann, "+15055550100", "no-such-scenario", later)))).contains("Unknown scenario");
        assertThat(detail(expect422(schedule(ann, "+15055550100", bobs, later)))).contains("Unknown scenario");
        assertThat(schedule(bob, "+15055550100", bobs, later).status()).isEqualTo(201);
        assertThat(schedule(ann, "+15055550199", "sales", inSeconds(-20)).status()).isEqualTo(201);

        HttpJson.Reply window = http.putJson("/settings/calling-window", "{\"time_zone\":\"America/New_York\",\"start\":\"09:00\","
                + "\"end\":\"20:00\",\"days\":[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"]}", ann.accessToken());
        assertThat(window.status()).as(window.body()).isEqualTo(200);
        assertThat(http.get("/settings/calling-window", ann.accessToken()).map()).containsEntry("time_zone", "America/New_York")
                .containsEntry("start", "09:00").containsEntry("end", "20:00")
                .containsEntry("days", List.of("MON", "TUE", "WED", "THU", "FRI"));
        // Saturday 2027-01-02 at 10:00 New York: the next allowed time is Monday 09:00 there
        HttpJson.Reply outside = expect422(schedule(ann, "+15055550100", "sales", "2027-01-02T10:00:00-05:00"));
        assertThat(detail(outside)).contains("calling window").contains("2027-01-04T09:00:00-05:00");
        assertThat(schedule(ann, "+15055550100", "sales", "2027-01-04T09:00:00-05:00").status()).isEqualTo(201);
        assertThat(http.get("/settings/calling-window", bob.accessToken()).map()).containsEntry("time_zone", "Z")
                .containsEntry("start", "00:00").containsEntry("end", "24:00");
        expect422(http.putJson("/settings/calling-window", "{\"time_zone\":\"Mars/Olympus\",\"start\":\"09:00\",\"end\":\"20:00\"}",
                ann.accessToken()));
        expect422(http.putJson("/settings/calling-window", "{\"time_zone\":\"UTC\",\"start\":\"21:00\",\"end\":\"20:00\"}",
                ann.accessToken()));
    }

    private static HttpJson.Reply expect422(HttpJson.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        return reply;
    }

    @Test
    void aDueScheduleIsPlacedThroughTwilioLikeAnyCall() throws Exception {
        Tenant ann = newTenant();
        long id = scheduled(ann, "+15055550123", inSeconds(1));
        Map<String, Object> placed = awaitStatus(ann, id, "placed");
        assertThat(placed).containsEntry("attempts", 1).containsEntry("last_error", null);
        assertThat((String) placed.get("call_sid")).startsWith("CA");
        long callId = ((Number) placed.get("call_id")).longValue();

        List<TwilioApiStub.Recorded> posts = postsTo("+15055550123");
        assertThat(posts).singleElement().satisfies(p -> {
            assertThat(p.formValue("To")).isEqualTo("+15055550123");
            assertThat(p.formValue("From")).isEqualTo(TelephonyStandIns.SYSTEM_NUMBER.e164());
            assertThat(p.formValue("Url")).isEqualTo(PUBLIC_URL + "/outbound-call/" + callId);
            assertThat(p.formValue("StatusCallback")).isEqualTo(PUBLIC_URL + "/call-status/" + callId);
            assertThat(p.formValue("Record")).isEqualTo("true");
        });
        Map<String, Object> call = http.get("/api/calls/" + callId, ann.accessToken()).map();
        assertThat(call.toString()).contains(placed.get("call_sid").toString());
        assertThat(http.get("/scheduled-calls?status=placed", ann.accessToken()).map()).containsEntry("total", 1);
        assertThat(http.delete("/scheduled-calls/" + id, ann.accessToken()).status()).isEqualTo(409);
    }

    @Test
    void aTwilioOutageIsRetriedWithBackoff() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        twilio.on("POST", CALLS, request -> "+15055550124".equals(request.formValue("To")) && posts.incrementAndGet() == 1
                ? new TwilioApiStub.Answer(503, TwilioApiStub.error(503, 20503, "Service unavailable"))
                : new TwilioApiStub.Answer(201, "{\"sid\":\"" + newSid() + "\",\"status\":\"queued\",\"account_sid\":\"ACtest\"}"));
        Tenant ann = newTenant();
        long id = scheduled(ann, "+15055550124", inSeconds(0));
        Map<String, Object> placed = awaitStatus(ann, id, "placed");
        assertThat(placed).containsEntry("attempts", 2);
        assertThat(postsTo("+15055550124")).hasSize(2);
    }

    @Test
    void aRefusedNumberFailsAtOnceWithTwilio400Message() throws Exception {
        twilio.on("POST", CALLS, request -> "+15055550125".equals(request.formValue("To"))
                ? new TwilioApiStub.Answer(400, TwilioApiStub.error(400, 21211, "The 'To' number +15055550125 is not a valid phone number."))
                : new TwilioApiStub.Answer(201, "{\"sid\":\"" + newSid() + "\",\"status\":\"queued\",\"account_sid\":\"ACtest\"}"));
        Tenant ann = newTenant();
        long id = scheduled(ann, "+15055550125", inSeconds(0));
        Map<String, Object> failed = awaitStatus(ann, id, "failed");
        assertThat(failed).containsEntry("attempts", 1);
        assertThat((String) failed.get("last_error")).contains("is not a valid phone number");
        Thread.sleep(800);
        assertThat(postsTo("+15055550125")).hasSize(1);
    }

    @Test
    void schedulesDueAtOnceArePacedToTheCarriersCallsPerSecond() throws Exception {
        List<Instant> arrivals = java.util.Collections.synchronizedList(new ArrayList<>());
        twilio.on("POST", CALLS, request -> {
            if (request.formValue("To").startsWith("+150555502")) arrivals.add(Instant.now());
            return new TwilioApiStub.Answer(201, "{\"sid\":\"" + newSid() + "\",\"status\":\"queued\",\"account_sid\":\"ACtest\"}");
        });
        Tenant ann = newTenant();
        String at = inSeconds(2);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) ids.add(scheduled(ann, "+150555502" + (10 + i), at));
        for (long id : ids) awaitStatus(ann, id, "placed");
        assertThat(arrivals).hasSize(12);
        // 20 per second: slots 50 ms apart, 11 intervals (550 ms) between the first and the last; unpaced, ten threads
        // would send them within a few tens of ms. The margin absorbs the jitter of a loaded machine.
        assertThat(Duration.between(arrivals.getFirst(), arrivals.getLast())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aScheduleWhoseInstanceDiedWhileDiallingFailsAsInterruptedAndIsNotDialledAgain() throws Exception {
        Tenant ann = newTenant();
        long id = scheduled(ann, "+15055550127", inSeconds(3600));
        // as a dead instance leaves it: claimed (placing), its execution picked with a heartbeat long stopped
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE scheduled_calls SET status = 'placing', attempts = 1 WHERE id = " + id);
                s.executeUpdate("UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'dead-instance', execution_time = TIMESTAMP WITH TIME ZONE "
                        + "'2026-01-01 00:00:00+00', last_heartbeat = TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' "
                        + "WHERE task_name = 'scheduled-call' AND task_instance = '" + id + "'");
            }
        }
        Map<String, Object> failed = awaitStatus(ann, id, "failed");
        assertThat(failed).containsEntry("last_error", "interrupted").containsEntry("attempts", 1);
        assertThat(postsTo("+15055550127")).isEmpty();
    }

    @Test
    void retriesStopAfterTheLastAttempt() throws Exception {
        twilio.on("POST", CALLS, request -> "+15055550126".equals(request.formValue("To"))
                ? new TwilioApiStub.Answer(503, TwilioApiStub.error(503, 20503, "Service unavailable"))
                : new TwilioApiStub.Answer(201, "{\"sid\":\"" + newSid() + "\",\"status\":\"queued\",\"account_sid\":\"ACtest\"}"));
        Tenant ann = newTenant();
        long id = scheduled(ann, "+15055550126", inSeconds(0));
        Map<String, Object> failed = awaitStatus(ann, id, "failed");
        assertThat(failed).containsEntry("attempts", 3);
        assertThat(postsTo("+15055550126")).hasSize(3);
    }
}
