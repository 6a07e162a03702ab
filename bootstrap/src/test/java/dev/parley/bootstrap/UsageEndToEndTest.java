package dev.parley.bootstrap;

import dev.parley.adapter.out.openai.testing.FakeRealtimeServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.parley.adapter.out.openai.testing.Eventually.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-call ledger end to end (issue 21): a call through the Twilio and OpenAI stand-ins whose
 * response.done events carry known usage, Twilio's completed status with its duration, then the ledger in
 * GET /api/calls/{id}, the day totals in GET /api/usage and the figures on /prometheus; and the monthly budget's refusals.
 */
@MicronautTest(transactional = false)
@io.micronaut.context.annotation.Property(name = "parley.metrics-token", value = PlatformEndpointsTest.SCRAPE_TOKEN)
class UsageEndToEndTest extends TelephonyTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String AUDIO_20MS = Base64.getEncoder().encodeToString(new byte[160]);

    /** Usage as the Realtime API reports it in response.done. */
    private static String responseDone(String id, int inText, int inAudio, int cachedText, int cachedAudio, int outText, int outAudio) {
        return "{\"type\":\"response.done\",\"event_id\":\"e\",\"response\":{\"id\":\"" + id + "\",\"status\":\"completed\",\"usage\":{"
                + "\"total_tokens\":" + (inText + inAudio + outText + outAudio) + ",\"input_tokens\":" + (inText + inAudio)
                + ",\"output_tokens\":" + (outText + outAudio) + ",\"input_token_details\":{\"text_tokens\":" + inText
                + ",\"audio_tokens\":" + inAudio + ",\"cached_tokens\":" + (cachedText + cachedAudio) + ",\"cached_tokens_details\":{"
                + "\"text_tokens\":" + cachedText + ",\"audio_tokens\":" + cachedAudio + "}},\"output_token_details\":{\"text_tokens\":"
                + outText + ",\"audio_tokens\":" + outAudio + "}}}}";
    }

    private static String delta(String itemId) {
        return "{\"type\":\"response.output_audio.delta\",\"event_id\":\"e\",\"response_id\":\"r\",\"item_id\":\"" + itemId
                + "\",\"output_index\":0,\"content_index\":0,\"delta\":\"" + AUDIO_20MS + "\"}";
    }

    private FakeRealtimeServer.Connection modelOf(Tenant tenant, String scenario) {
        String marker = "You are the " + scenario + " assistant of tenant " + tenant.id() + ".";
        FakeRealtimeServer.Connection[] found = new FakeRealtimeServer.Connection[1];
        until(WAIT, () -> {
            found[0] = openai.connections().stream().filter(c -> c.received().stream().anyMatch(m -> m.contains(marker)))
                    .findFirst().orElse(null);
            return found[0] != null;
        }, "the model connection of " + scenario);
        return found[0];
    }

    /** One bridged inbound call with two responses of known usage and one measured turn; ended, completed after 75 s. */
    private Ticket measuredCall(Tenant tenant) {
        String scenario = "custom-" + UUID.randomUUID();
        Ticket ticket = inboundCall(tenant, scenario);
        FakeTwilioCaller caller = caller();
        caller.echoMarks = true;
        caller.start(ticket.callSid(), Long.toString(ticket.callId()), ticket.token());
        FakeRealtimeServer.Connection model = modelOf(tenant, scenario);

        model.send(delta("item_greet"));
        assertThat(caller.await("media", WAIT)).isNotNull();
        model.send(responseDone("resp_1", 1000, 0, 400, 0, 50, 1000));
        until(WAIT, () -> !caller.received("mark").isEmpty(), "the greeting's mark");
        // the greeting has played once the server reads the echoed mark (on the Twilio socket); the caller's speech below
        // comes over the model's socket, so give the echo a moment to land first, or the speech counts as a barge-in
        until(WAIT, () -> caller.echoedMarks() > 0, "the greeting's mark echoed");
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        model.send("{\"type\":\"input_audio_buffer.speech_started\",\"event_id\":\"e\",\"audio_start_ms\":900,\"item_id\":\"item_u1\"}");
        model.send("{\"type\":\"input_audio_buffer.speech_stopped\",\"event_id\":\"e\",\"audio_end_ms\":2100,\"item_id\":\"item_u1\"}");
        model.send(delta("item_a1"));
        until(WAIT, () -> caller.received("media").size() == 2, "the answer's audio");
        model.send(responseDone("resp_2", 1200, 5000, 1000, 1000, 150, 2000));
        caller.stop(ticket.callSid());
        until(WAIT, () -> !model.isOpen(), "the model socket to close");
        until(WAIT, () -> monitor.stats().active() == 0, "the live call to end");
        long failedBefore = journal.failed();
        assertThat(journal.flush(WAIT)).isTrue();
        assertThat(journal.failed()).as("journal entries that could not be stored").isEqualTo(failedBefore);

        Map<String, String> completed = voiceForm(ticket.callSid(), new dev.parley.domain.shared.PhoneNumber("+14155550100"),
                randomNumber(), "completed");
        completed.put("CallDuration", "75");
        assertThat(twilioPost("/call-status", completed).status()).isEqualTo(204);
        return ticket;
    }

    // tokens of the two responses: text in 2200 (1400 cached), audio in 5000 (1000 cached), text out 200, audio out 3000
    // model: (800*4 + 1400*0.4 + 200*16 + 4000*32 + 1000*0.4 + 3000*64) / 1e6 = 327360 / 1e6; carrier: 2 minutes inbound * 0.0085
    private static final BigDecimal MODEL_COST = new BigDecimal("0.327360");
    private static final BigDecimal CARRIER_COST = new BigDecimal("0.017");

    @Test
    @SuppressWarnings("unchecked")
    void aCallsLedgerShowsInItsDetailInTheDailyUsageAndOnPrometheus() {
        Tenant ann = newTenant();
        Ticket ticket = measuredCall(ann);

        HttpJson.Reply detail = http.get("/api/calls/" + ticket.callId(), ann.accessToken());
        assertThat(detail.status()).isEqualTo(200);
        Map<String, Object> usage = (Map<String, Object>) detail.map().get("usage");
        Map<String, Object> tokens = (Map<String, Object>) usage.get("tokens");
        assertThat(tokens).containsEntry("input_text", 2200).containsEntry("input_audio", 5000).containsEntry("cached_input", 2400)
                .containsEntry("output_text", 200).containsEntry("output_audio", 3000).containsEntry("input", 7200)
                .containsEntry("output", 3200).containsEntry("total", 10400);
        assertThat(usage).containsEntry("minutes", 2);
        Map<String, Object> cost = (Map<String, Object>) usage.get("estimated_cost_usd");
        assertThat(new BigDecimal(cost.get("model").toString())).isEqualByComparingTo(MODEL_COST);
        assertThat(new BigDecimal(cost.get("carrier").toString())).isEqualByComparingTo(CARRIER_COST);
        assertThat(new BigDecimal(cost.get("total").toString())).isEqualByComparingTo(MODEL_COST.add(CARRIER_COST));
        Map<String, Object> latency = (Map<String, Object>) detail.map().get("latency");
        assertThat(latency).containsEntry("turns", 1).containsEntry("barge_ins", 0);
        assertThat(((Number) latency.get("turn_p50_ms")).longValue()).isBetween(0L, WAIT.toMillis());
        assertThat(latency.get("turn_max_ms")).isEqualTo(latency.get("turn_p50_ms"));
        assertThat(((Number) latency.get("first_audio_ms")).longValue()).isBetween(0L, WAIT.toMillis());
        assertThat(http.get("/api/calls/" + ticket.callId(), newTenant().accessToken()).status()).as("another tenant's call").isEqualTo(404);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        HttpJson.Reply report = http.get("/api/usage?from=" + today + "&to=" + today, ann.accessToken());
        assertThat(report.status()).isEqualTo(200);
        List<Map<String, Object>> days = (List<Map<String, Object>>) report.map().get("days");
        assertThat(days).hasSize(1);
        assertThat(days.getFirst()).containsEntry("date", today).containsEntry("calls", 1).containsEntry("minutes", 2);
        Map<String, Object> total = (Map<String, Object>) report.map().get("total");
        assertThat((Map<String, Object>) total.get("tokens")).containsEntry("total", 10400);
        assertThat(new BigDecimal(((Map<String, Object>) total.get("estimated_cost_usd")).get("total").toString()))
                .isEqualByComparingTo(MODEL_COST.add(CARRIER_COST));
        assertThat((List<?>) http.get("/api/usage", newTenant().accessToken()).map().get("days")).as("another tenant sees none").isEmpty();

        String metrics = scrape();
        assertThat(metrics).containsPattern("parley_call_turn_latency_seconds_count\\S* [1-9]")
                .containsPattern("parley_calls_started_total\\{direction=\"inbound\"[^}]*} [1-9]")
                .containsPattern("parley_calls_ended_total\\{reason=\"normal\"[^}]*} [1-9]")
                .containsPattern("parley_media_frames_total\\{direction=\"out\"[^}]*} [1-9]")
                .contains("parley_calls_active").contains("parley_journal_queue_depth").contains("parley_model_errors_total")
                .contains("parley_media_frames_dropped_total{direction=\"out\"").contains("parley_console_sockets")
                // webhook handling time: Micronaut's server timer, by route
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/incoming-call\"[^}]*} [1-9]")
                .doesNotContain("tenant").doesNotContain(ticket.callSid());
        // every series the shipped Grafana dashboard queries is one this server exports
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\b(parley_[a-z_]+|http_server_requests_seconds_[a-z]+)\\b")
                .matcher(readDashboard());
        java.util.Set<String> queried = new java.util.TreeSet<>();
        while (names.find()) queried.add(names.group(1));
        assertThat(queried).hasSizeGreaterThan(8);
        for (String name : queried) assertThat(metrics).as("the dashboard queries " + name).contains(name);
    }

    private static String readDashboard() {
        for (java.nio.file.Path p : List.of(java.nio.file.Path.of("../ops/grafana/parley-calls.json"), java.nio.file.Path.of("ops/grafana/parley-calls.json"))) {
            try {
                if (java.nio.file.Files.exists(p)) return java.nio.file.Files.readString(p);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        throw new AssertionError("ops/grafana/parley-calls.json not found from " + java.nio.file.Path.of("").toAbsolutePath());
    }

    @Test
    @SuppressWarnings("unchecked")
    void overItsMonthlyBudgetATenantPlacesNoCallsAndInboundCallersHearAPoliteRefusal() {
        Tenant ann = newTenant();
        HttpJson.Reply none = http.get("/settings/budget", ann.accessToken());
        assertThat(none.map()).containsEntry("monthly_limit_usd", null).containsEntry("exhausted", false);
        measuredCall(ann);

        HttpJson.Reply set = http.putJson("/settings/budget", "{\"monthly_limit_usd\": 0.30}", ann.accessToken());
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.map()).containsEntry("monthly_limit_usd", 0.3).containsEntry("exhausted", true);
        assertThat(new BigDecimal(set.map().get("spent_usd").toString())).isEqualByComparingTo(MODEL_COST.add(CARRIER_COST));

        HttpJson.Reply refused = http.get("/make-call/%2B14155550100/sales", ann.accessToken());
        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.map()).containsEntry("status_code", 402).containsEntry("code", "budget.exhausted");
        assertThat((String) refused.map().get("detail")).contains("budget");
        HttpJson.Reply scheduled = http.postJson("/schedule-call", "{\"phone_number\":\"+14155550100\",\"scenario\":\"sales\","
                + "\"scheduled_time\":\"" + java.time.OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).withNano(0) + "\"}", ann.accessToken());
        assertThat(scheduled.status()).isEqualTo(402);

        dev.parley.domain.shared.PhoneNumber ours = randomNumber();
        numbers.assign(ours, ann.id(), "default");
        Map<String, String> form = voiceForm(newSid(), new dev.parley.domain.shared.PhoneNumber("+14155550100"), ours, "ringing");
        HttpJson.Reply twiml = twilioPost("/incoming-call", form);
        assertThat(twiml.status()).isEqualTo(200);
        assertThat(twiml.body()).contains("<Say").contains("not able to take calls").contains("<Hangup").doesNotContain("<Stream");

        HttpJson.Reply raised = http.putJson("/settings/budget", "{\"monthly_limit_usd\": 100}", ann.accessToken());
        assertThat(raised.map()).containsEntry("exhausted", false);
        assertThat(http.get("/make-call/%2B14155550100/sales", ann.accessToken()).status()).isEqualTo(200);
        assertThat(http.putJson("/settings/budget", "{\"monthly_limit_usd\": null}", ann.accessToken()).map())
                .containsEntry("monthly_limit_usd", null);
    }

    @Test
    void badUsageAndBudgetInputGetsAClear422() {
        Tenant ann = newTenant();
        assertThat(http.get("/api/usage?from=yesterday", ann.accessToken()).status()).isEqualTo(422);
        assertThat(http.get("/api/usage?from=2026-12-05&to=2026-12-01", ann.accessToken()).status()).isEqualTo(422);
        assertThat(http.get("/api/usage?from=2024-01-01&to=2026-01-01", ann.accessToken()).status()).isEqualTo(422);
        HttpJson.Reply negative = http.putJson("/settings/budget", "{\"monthly_limit_usd\": -5}", ann.accessToken());
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.body()).contains("monthly_limit_usd");
        assertThat(http.putJson("/settings/budget", "{\"monthly_limit_usd\": 1.999}", ann.accessToken()).status()).isEqualTo(422);
        assertThat(http.putJson("/settings/budget", "{\"monthly_limit_usd\": \"lots\"}", ann.accessToken()).status()).isBetween(400, 422);
        assertThat(http.get("/api/usage", null).status()).isEqualTo(401);
    }

    /** The one place that reads /prometheus: as the scraper, with METRICS_TOKEN (issue 13, item 8). */
    private String scrape() {
        HttpJson.Reply reply = http.get("/prometheus", PlatformEndpointsTest.SCRAPE_TOKEN);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }
}
