package dev.parley.bootstrap;

import dev.parley.adapter.out.openai.testing.FakeRealtimeServer;
import dev.parley.adapter.out.twilio.testing.TwilioApiStub;
import dev.parley.application.call.service.BatchingCallJournal;
import dev.parley.application.conversation.port.in.MonitorLiveCallsUseCase;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Twilio's REST stand-in, the fake Realtime server and signed-webhook helpers for end-to-end call tests. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TelephonyTestSupport implements TestPropertyProvider {
    static final String AUTH_TOKEN = "twilio-test-auth-token-0123456789";
    static final String PUBLIC_URL = "https://parley.example.com";
    static final String TRANSFER_NUMBER = "+15550009999";
    private static final AtomicInteger SIDS = new AtomicInteger();

    final TwilioApiStub twilio = new TwilioApiStub();
    final FakeRealtimeServer openai = new FakeRealtimeServer();
    final HttpClient rawHttp = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(4)).build();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    /** The scripted number directory; absent in tests that run the real workspace beans. */
    @Inject
    @io.micronaut.core.annotation.Nullable
    TelephonyStandIns.Numbers numbers;
    @Inject
    MonitorLiveCallsUseCase monitor;
    @Inject
    BatchingCallJournal journal;
    HttpJson http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("parley.twilio.api-base-url", twilio.baseUrl(), "parley.twilio.account-sid", "ACtest",
                "parley.twilio.auth-token", AUTH_TOKEN, "parley.public-url", PUBLIC_URL, "parley.openai.realtime-url", openai.url(),
                "parley.openai.api-key", "sk-test", "parley.calls.transfer-phone-number", TRANSFER_NUMBER,
                "parley.test.telephony-stand-ins", "true");
    }

    @BeforeEach
    void resetStandIns() {
        http = new HttpJson(server, json);
        twilio.reset();
        twilio.on("POST", "/2010-04-01/Accounts/ACtest/Calls.json", request -> new TwilioApiStub.Answer(201,
                "{\"sid\":\"" + newSid() + "\",\"status\":\"queued\",\"account_sid\":\"ACtest\"}"));
        twilio.on("POST", "/2010-04-01/Accounts/ACtest/Calls/CA\\w+\\.json", request -> new TwilioApiStub.Answer(200,
                "{\"sid\":\"" + request.path().replaceAll(".*/(CA\\w+)\\.json", "$1") + "\",\"status\":\"in-progress\"}"));
        openai.reset();
    }

    @AfterAll
    void stopStandIns() {
        twilio.close();
        openai.close();
    }

    static String newSid() {
        return String.format("CA%08d%s", SIDS.incrementAndGet(), UUID.randomUUID().toString().replace("-", "").substring(0, 24));
    }

    record Tenant(TenantId id, String accessToken) {
    }

    Tenant newTenant() {
        Map<String, Object> tokens = http.newUser("calls-" + UUID.randomUUID() + "@example.com");
        String access = (String) tokens.get("access_token");
        long id = ((Number) http.get("/users/me", access).map().get("id")).longValue();
        return new Tenant(new TenantId(id), access);
    }

    static PhoneNumber randomNumber() {
        return new PhoneNumber("+1555" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)));
    }

    /** A webhook as Twilio sends it: form-encoded, signed for PUBLIC_URL + path. */
    HttpJson.Reply twilioPost(String path, Map<String, String> form) {
        return twilioPost(path, form, TwilioSignatures.sign(AUTH_TOKEN, PUBLIC_URL + path, form));
    }

    HttpJson.Reply twilioPost(String path, Map<String, String> form, String signature) {
        HttpRequest.Builder b = http.request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TwilioSignatures.encode(form)));
        if (signature != null) b.header("X-Twilio-Signature", signature);
        return http.send(b);
    }

    static Map<String, String> voiceForm(String callSid, PhoneNumber from, PhoneNumber to, String status) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", "ACtest");
        form.put("ApiVersion", "2010-04-01");
        form.put("CallSid", callSid);
        form.put("CallStatus", status);
        form.put("Direction", "inbound");
        form.put("From", from.e164());
        form.put("To", to.e164());
        return form;
    }

    record Ticket(String callSid, long callId, String token) {
    }

    static Ticket ticket(String callSid, String twiml) {
        return new Ticket(callSid, Long.parseLong(parameter(twiml, "callId")), parameter(twiml, "token"));
    }

    static String parameter(String twiml, String name) {
        Matcher m = Pattern.compile("<Parameter[^>]*name=\"" + name + "\"[^>]*/>").matcher(twiml);
        if (!m.find()) throw new AssertionError("no parameter " + name + " in " + twiml);
        Matcher v = Pattern.compile("value=\"([^\"]*)\"").matcher(m.group());
        if (!v.find()) throw new AssertionError("no value in " + m.group());
        return v.group(1);
    }

    /** An inbound call to a fresh number of {@code tenant}, accepted: its SID, id and stream token. */
    Ticket inboundCall(Tenant tenant, String scenario) {
        PhoneNumber ours = randomNumber();
        numbers.assign(ours, tenant.id(), scenario);
        return signedIncomingCall(http, ours);
    }

    URI mediaStreamUri(String path) {
        return URI.create("ws://127.0.0.1:" + server.getPort() + path);
    }

    FakeTwilioCaller caller() {
        return FakeTwilioCaller.connect(rawHttp, mediaStreamUri("/media-stream"), "MZ" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** Gives {@code tenant} the number {@code ours} in the shared database, its calls running {@code scenarioRef}. */
    static void giveNumber(io.micronaut.context.ApplicationContext context, TenantId tenant, PhoneNumber ours, String scenarioRef) {
        var numbers = context.getBean(dev.parley.application.telephony.port.out.PhoneNumberRepository.class);
        context.getBean(dev.parley.application.shared.Transactions.class).run(() -> numbers.add(new dev.parley.domain.telephony.UserPhoneNumber(
                numbers.nextId(), tenant, ours, "PN" + UUID.randomUUID().toString().replace("-", ""), null, true, true, scenarioRef,
                java.time.Instant.now())));
    }

    /** A call to {@code ours}, signed as Twilio signs it, accepted by the instance behind {@code http}: its ticket. */
    static Ticket signedIncomingCall(HttpJson http, PhoneNumber ours) {
        String sid = newSid();
        Map<String, String> form = voiceForm(sid, new PhoneNumber("+14155550100"), ours, "ringing");
        HttpJson.Reply twiml = http.send(http.request("/incoming-call", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignatures.sign(AUTH_TOKEN, PUBLIC_URL + "/incoming-call", form))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioSignatures.encode(form))));
        if (twiml.status() != 200) throw new AssertionError("incoming-call answered " + twiml.status() + ": " + twiml.body());
        return ticket(sid, twiml.body());
    }
}
