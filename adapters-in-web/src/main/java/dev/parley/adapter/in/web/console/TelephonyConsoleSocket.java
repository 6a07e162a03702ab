package dev.parley.adapter.in.web.console;

import com.nimbusds.jwt.JWT;
import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.adapter.in.web.security.SessionGate;
import dev.parley.application.call.port.in.CallNotFoundException;
import dev.parley.application.call.port.in.ListCallsUseCase;
import dev.parley.application.call.port.out.CallEvent;
import dev.parley.application.call.port.out.CallEvents;
import dev.parley.application.console.port.in.CallNotLiveException;
import dev.parley.application.console.port.in.ConsoleStatus;
import dev.parley.application.console.port.in.SpeakIntoCallUseCase;
import dev.parley.application.console.port.in.TranscribeCustomerAudioUseCase;
import dev.parley.application.console.port.in.UpdateCallFromConsoleUseCase;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallStatus;
import dev.parley.domain.shared.DomainException;
import dev.parley.domain.shared.TenantId;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.JsonWebTokenValidator;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnError;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * The live agent console of seed 002: {@code /api/ws/telephony/stream?token=…&call_id=…}. The JWT
 * comes in the query (browsers cannot set headers on a WebSocket); a bad one is answered with
 * {@code telephony_error} and the socket closes. A console without a call id receives every call
 * event of its tenant; with one, that call's. Work that touches the database, the carrier or the
 * speech service runs on the blocking executor, never on the event loop.
 */
@ServerWebSocket("/api/ws/telephony/stream")
@Secured(SecurityRule.IS_ANONYMOUS)
final class TelephonyConsoleSocket {
    static final int MAX_MESSAGE_CHARS = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(TelephonyConsoleSocket.class);
    private static final Set<String> LANGUAGES = Set.of("auto", "en", "es", "fr", "de");

    private final JsonWebTokenValidator<JWT, HttpRequest<?>> tokens;
    private final JwtAuthenticationFactory authentications;
    private final CallEvents events;
    private final ListCallsUseCase calls;
    private final SpeakIntoCallUseCase speak;
    private final UpdateCallFromConsoleUseCase statuses;
    private final TranscribeCustomerAudioUseCase transcriber;
    private final JsonMapper json;
    private final ExecutorService blocking;
    private final Clock clock;
    private final SessionGate sessionGate;
    private final ConsoleThrottle throttle;
    private final Map<String, Console> consoles = new ConcurrentHashMap<>();
    private final ConsoleStats stats;

    TelephonyConsoleSocket(JsonWebTokenValidator<JWT, HttpRequest<?>> tokens, JwtAuthenticationFactory authentications,
                           CallEvents events, ListCallsUseCase calls, SpeakIntoCallUseCase speak,
                           UpdateCallFromConsoleUseCase statuses, TranscribeCustomerAudioUseCase transcriber, JsonMapper json,
                           @Named(TaskExecutors.BLOCKING) ExecutorService blocking, Clock clock, SessionGate sessionGate,
                           ConsoleThrottle throttle, ConsoleStats stats) {
        this.stats = stats;
        this.tokens = tokens;
        this.authentications = authentications;
        this.events = events;
        this.calls = calls;
        this.speak = speak;
        this.statuses = statuses;
        this.transcriber = transcriber;
        this.json = json;
        this.blocking = blocking;
        this.clock = clock;
        this.sessionGate = sessionGate;
        this.throttle = throttle;
    }

    /** One connected console: its tenant, the call it watches (empty: all of them) and its bus subscription. */
    private final class Console {
        final WebSocketSession session;
        final TenantId tenant;
        volatile String watched;
        volatile String language = "auto";
        final io.github.bucket4j.Bucket[] paidBudgets = throttle.newConsoleBuckets();
        CallEvents.Subscription subscription;

        Console(WebSocketSession session, TenantId tenant, String watched) {
            this.session = session;
            this.tenant = tenant;
            this.watched = watched;
        }

        void deliver(CallEvent event) {
            if (!event.tenant().equals(tenant)) return;
            String call = watched;
            if (!call.isEmpty() && !call.equals(event.callId())) return;
            ConsoleMessages.of(event).ifPresent(this::send);
        }

        void send(Map<String, Object> message) {
            if (!session.isOpen()) return;
            try {
                session.sendAsync(json.writeValueAsString(message));
            } catch (IOException e) {
                LOG.warn("Could not encode a console message", e);
            }
        }

        void error(String callId, String code, String message) {
            send(ConsoleMessages.error(callId, code, message, clock.instant()));
        }
    }

    @OnOpen
    void open(WebSocketSession session, HttpRequest<?> request) {
        Optional<Authentication> authentication = authenticate(request.getParameters().get("token"));
        String callId = Optional.ofNullable(request.getParameters().get("call_id")).orElse("").strip();
        if (authentication.isEmpty()) {
            refuse(session, callId, "Invalid or expired token");
            return;
        }
        Console console = new Console(session, CurrentTenant.of(authentication.get()), "");
        if (consoles.put(session.getId(), console) == null) stats.opened();
        console.subscription = events.subscribe(console::deliver);
        // the sign-in must still stand (answered from the cache, or the database off the event loop)
        sessionGate.isActive(authentication.get()).whenComplete((active, failed) -> {
            if (Boolean.TRUE.equals(active)) {
                if (!callId.isEmpty()) blocking.execute(() -> watch(console, callId, false));
                return;
            }
            close(session);
            refuse(session, callId, "The session of this token has ended; sign in again");
        });
    }

    @OnMessage(maxPayloadLength = 4 * MAX_MESSAGE_CHARS)
    void message(String text, WebSocketSession session) {
        Console console = consoles.get(session.getId());
        if (console == null) return;
        if (text.length() > MAX_MESSAGE_CHARS) {
            console.error(console.watched, ConsoleMessages.CONNECTION_FAILED, "Message too large (limit " + MAX_MESSAGE_CHARS + " characters)");
            return;
        }
        Map<?, ?> message;
        try {
            message = json.readValue(text, Map.class);
        } catch (IOException | RuntimeException e) {
            message = null;
        }
        if (message == null) {
            console.error(console.watched, ConsoleMessages.CONNECTION_FAILED, "Message is not a JSON object");
            return;
        }
        String type = string(message, "type");
        String callId = Optional.ofNullable(string(message, "call_id")).orElse(console.watched).strip();
        switch (type == null ? "" : type) {
            case "ping" -> console.send(ConsoleMessages.pong());
            case "init_telephony_stream" -> {
                String language = Optional.ofNullable(string(message, "language")).orElse("auto");
                if (!LANGUAGES.contains(language)) {
                    console.error(callId, ConsoleMessages.CONNECTION_FAILED, "language must be one of " + LANGUAGES);
                    return;
                }
                console.language = language;
                if (callId.isEmpty()) console.send(ConsoleMessages.connected(""));
                else blocking.execute(() -> watch(console, callId, true));
            }
            case "agent_message" -> {
                String words = string(message, "message");
                if (callId.isEmpty() || words == null) {
                    console.error(callId, ConsoleMessages.CONNECTION_FAILED, "agent_message needs call_id and message");
                    return;
                }
                if (throttled(console, callId, ConsoleThrottle.Kind.SPEECH, ConsoleMessages.TTS_ERROR)) return;
                blocking.execute(() -> onCall(console, callId, ConsoleMessages.TTS_ERROR, id -> speak.speak(console.tenant, id, words)));
            }
            case "hand_back" -> {
                if (callId.isEmpty()) {
                    console.error(callId, ConsoleMessages.CONNECTION_FAILED, "hand_back needs call_id");
                    return;
                }
                blocking.execute(() -> onCall(console, callId, ConsoleMessages.CONNECTION_FAILED, id -> speak.handBack(console.tenant, id)));
            }
            case "update_call_status" -> {
                Optional<ConsoleStatus> status = Optional.ofNullable(string(message, "status")).flatMap(ConsoleStatus::fromWire);
                if (callId.isEmpty() || status.isEmpty()) {
                    console.error(callId, ConsoleMessages.CONNECTION_FAILED, "update_call_status needs call_id and status answered|in_progress|ended");
                    return;
                }
                blocking.execute(() -> onCall(console, callId, ConsoleMessages.TWILIO_ERROR, id -> statuses.update(console.tenant, id, status.get())));
            }
            case "audio_data" -> {
                byte[] audio = decodeBase64(string(message, "audio_data"));
                String encoding = Optional.ofNullable(string(message, "encoding")).orElse("MULAW");
                int rate = message.get("sample_rate") instanceof Number n ? n.intValue() : 8000;
                if (callId.isEmpty() || audio == null || !"MULAW".equalsIgnoreCase(encoding)) {
                    console.error(callId, ConsoleMessages.CONNECTION_FAILED, "audio_data needs call_id and base64 audio_data with encoding MULAW");
                    return;
                }
                if (throttled(console, callId, ConsoleThrottle.Kind.TRANSCRIPTION, ConsoleMessages.STT_ERROR)) return;
                blocking.execute(() -> onCall(console, callId, ConsoleMessages.STT_ERROR,
                        id -> transcriber.transcribe(console.tenant, id, audio, rate, console.language)));
            }
            default -> console.error(callId, ConsoleMessages.CONNECTION_FAILED,
                    type == null ? "Message has no type" : "Unknown message type: " + abbreviate(type));
        }
    }

    /** Over its budget, a paid message is answered with a telephony_error saying when to retry, and goes no further. */
    private boolean throttled(Console console, String callId, ConsoleThrottle.Kind kind, String errorCode) {
        OptionalLong wait = throttle.tryAcquire(console.paidBudgets, console.tenant, kind);
        if (wait.isEmpty()) return false;
        Map<String, Object> error = ConsoleMessages.error(callId, errorCode,
                "Rate limit exceeded: " + throttle.describe(kind) + "; retry in " + wait.getAsLong() + " s", clock.instant());
        error.put("retry_after", wait.getAsLong());
        console.send(error);
        return true;
    }

    @OnClose
    void close(WebSocketSession session) {
        Console console = consoles.remove(session.getId());
        if (console != null) stats.closed();
        if (console != null && console.subscription != null) console.subscription.close();
    }

    @OnError
    void failed(WebSocketSession session, Throwable error) {
        LOG.debug("Console socket error: {}", error.getMessage());
        close(session);
    }

    /** Starts watching one call: checks it is the tenant's, then sends its state and what was said so far. */
    private void watch(Console console, String callId, boolean answerInit) {
        Optional<CallId> id = parse(callId);
        Optional<ListCallsUseCase.CallDetails> details = id.flatMap(c -> {
            try {
                return Optional.of(calls.get(console.tenant, c));
            } catch (CallNotFoundException missing) {
                return Optional.empty();
            }
        });
        if (details.isEmpty()) {
            console.error(callId, ConsoleMessages.CONNECTION_FAILED, "Call not found");
            return;
        }
        console.watched = callId;
        if (answerInit) console.send(ConsoleMessages.connected(callId));
        var call = details.get().call();
        String status = CallStatus.fromWire(call.status()).map(ConsoleStatus::of).orElse(ConsoleStatus.INCOMING).wire();
        console.send(ConsoleMessages.status(callId, status, call.customerNumber(), call.organizationNumber(), clock.instant()));
        String language = "auto".equals(console.language) ? "en" : console.language;
        for (var line : details.get().messages()) console.send(ConsoleMessages.history(callId, line, language));
    }

    private interface CallAction {
        void run(CallId call);
    }

    private void onCall(Console console, String callId, String failureCode, CallAction action) {
        Optional<CallId> id = parse(callId);
        if (id.isEmpty()) {
            console.error(callId, ConsoleMessages.CONNECTION_FAILED, "Call not found");
            return;
        }
        try {
            action.run(id.get());
        } catch (CallNotFoundException missing) {
            console.error(callId, ConsoleMessages.CONNECTION_FAILED, "Call not found");
        } catch (CallNotLiveException over) {
            console.error(callId, failureCode, over.getMessage());
        } catch (DomainException invalid) {
            console.error(callId, ConsoleMessages.CONNECTION_FAILED, invalid.getMessage());
        } catch (RuntimeException failure) {
            LOG.warn("Console request failed: {}", failure.getClass().getSimpleName());
            console.error(callId, failureCode, "The request could not be carried out");
        }
    }

    private Optional<Authentication> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) return Optional.empty();
        try {
            return tokens.validate(token, null).flatMap(authentications::createAuthentication);
        } catch (RuntimeException invalid) {
            return Optional.empty();
        }
    }

    private void refuse(WebSocketSession session, String callId, String why) {
        try {
            session.sendSync(json.writeValueAsString(ConsoleMessages.error(callId, ConsoleMessages.CONNECTION_FAILED, why, clock.instant())));
        } catch (IOException | RuntimeException ignored) {
            // the socket is closing anyway
        }
        session.close(CloseReason.POLICY_VIOLATION);
    }

    private static Optional<CallId> parse(String callId) {
        if (callId == null || !callId.matches("[1-9]\\d{0,17}")) return Optional.empty();
        return Optional.of(new CallId(Long.parseLong(callId)));
    }

    private static byte[] decodeBase64(String value) {
        if (value == null || value.isEmpty()) return null;
        try {
            return java.util.Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static String string(Map<?, ?> message, String key) {
        Object value = message.get(key);
        return value instanceof String s ? s : null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    int connectedConsoles() {
        return consoles.size();
    }

}
