package dev.parley.adapter.in.twilio;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Connect;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Parameter;
import com.twilio.twiml.voice.Say;
import com.twilio.twiml.voice.Stream;
import dev.parley.application.call.port.in.AcceptInboundCallUseCase;
import dev.parley.application.call.port.in.AcceptInboundCallUseCase.InboundCallDecision;
import dev.parley.application.call.port.in.AcceptInboundCallUseCase.StreamTicket;
import dev.parley.application.call.port.in.ConnectOutboundCallUseCase;
import dev.parley.application.call.port.in.RecordCallStatusUseCase;
import dev.parley.application.shared.PublicUrl;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's voice webhooks: the incoming-call voice URL, the instructions URL of calls we place, and
 * call status callbacks. Every request's X-Twilio-Signature is checked first; a forged one is 403
 * and changes nothing. Answers are TwiML: a bidirectional {@code <Connect><Stream>} to our media
 * stream carrying the call id and its one-time token as {@code <Parameter>}s, or a polite refusal.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class TwilioVoiceController {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioVoiceController.class);
    static final String NOT_IN_SERVICE = "Sorry, this number is not in service. Goodbye.";
    static final String CANNOT_CONNECT = "Sorry, this call cannot be connected right now. Goodbye.";
    static final String OVER_BUDGET = "Thank you for calling. We are not able to take calls on this line right now. Please try again later. Goodbye.";
    private final TwilioWebhookVerifier verifier;
    private final AcceptInboundCallUseCase accept;
    private final ConnectOutboundCallUseCase connect;
    private final RecordCallStatusUseCase status;
    private final PublicUrl publicUrl;
    private final Clock clock;

    TwilioVoiceController(TwilioWebhookVerifier verifier, AcceptInboundCallUseCase accept, ConnectOutboundCallUseCase connect,
                          RecordCallStatusUseCase status, PublicUrl publicUrl, Clock clock) {
        this.verifier = verifier;
        this.accept = accept;
        this.connect = connect;
        this.status = status;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Post(value = "/incoming-call", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    HttpResponse<String> incomingCall(HttpRequest<?> request, @Body Map<String, String> form) {
        verifier.verify(request, form);
        Optional<PhoneNumber> dialled = phone(form.get("To"));
        Optional<PhoneNumber> caller = phone(form.get("From"));
        String sid = form.getOrDefault("CallSid", "");
        if (dialled.isEmpty() || caller.isEmpty() || sid.isBlank()) return xml(sayAndHangUp(NOT_IN_SERVICE));
        InboundCallDecision decision = accept.accept(new AcceptInboundCallUseCase.AcceptInboundCallCommand(dialled.get(), caller.get(), sid));
        return switch (decision) {
            case InboundCallDecision.Accepted accepted -> {
                LOG.info("Inbound call {} from {} accepted as call {}", sid, caller.get().masked(), accepted.ticket().call());
                yield xml(stream(accepted.ticket()));
            }
            case InboundCallDecision.Rejected rejected when rejected.reason() == InboundCallDecision.RejectReason.OVER_BUDGET -> {
                LOG.info("Inbound call {} to {} refused: its owner's monthly budget is used up", sid, dialled.get().masked());
                yield xml(sayAndHangUp(OVER_BUDGET));
            }
            case InboundCallDecision.Rejected ignored -> {
                LOG.info("Inbound call {} to unassigned number {} refused", sid, dialled.get().masked());
                yield xml(sayAndHangUp(NOT_IN_SERVICE));
            }
        };
    }

    @Post(value = "/outbound-call/{callId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    HttpResponse<String> outboundCall(HttpRequest<?> request, @PathVariable String callId, @Body Map<String, String> form) {
        verifier.verify(request, form);
        Optional<StreamTicket> ticket = id(callId).flatMap(id -> connect.connect(id, form.getOrDefault("CallSid", "")));
        return xml(ticket.map(this::stream).orElseGet(() -> sayAndHangUp(CANNOT_CONNECT)));
    }

    @Post(value = "/call-status", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> callStatus(HttpRequest<?> request, @Body Map<String, String> form) {
        verifier.verify(request, form);
        record(0, form);
        return HttpResponse.noContent();
    }

    @Post(value = "/call-status/{callId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> callStatusOf(HttpRequest<?> request, @PathVariable String callId, @Body Map<String, String> form) {
        verifier.verify(request, form);
        id(callId).ifPresent(id -> record(id.value(), form));
        return HttpResponse.noContent();
    }

    private void record(long callId, Map<String, String> form) {
        long duration = -1;
        try {
            if (form.get("CallDuration") != null) duration = Long.parseLong(form.get("CallDuration").strip());
        } catch (NumberFormatException e) {
            duration = -1;
        }
        status.record(new RecordCallStatusUseCase.CallStatusReport(callId, form.getOrDefault("CallSid", ""),
                form.getOrDefault("CallStatus", ""), duration, timestamp(form.get("Timestamp"))));
    }

    private Instant timestamp(String raw) {
        if (raw == null || raw.isBlank()) return clock.instant();
        try {
            return ZonedDateTime.parse(raw.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            return clock.instant();
        }
    }

    private String stream(StreamTicket ticket) {
        Stream stream = new Stream.Builder().url(publicUrl.webSocket("/media-stream"))
                .parameter(new Parameter.Builder().name("callId").value(Long.toString(ticket.call().value())).build())
                .parameter(new Parameter.Builder().name("token").value(ticket.token()).build())
                .build();
        return new VoiceResponse.Builder().connect(new Connect.Builder().stream(stream).build()).build().toXml();
    }

    private static String sayAndHangUp(String text) {
        return new VoiceResponse.Builder().say(new Say.Builder(text).build()).hangup(new Hangup.Builder().build()).build().toXml();
    }

    private static HttpResponse<String> xml(String twiml) {
        return HttpResponse.ok(twiml).contentType(MediaType.APPLICATION_XML_TYPE);
    }

    private static Optional<PhoneNumber> phone(String raw) {
        try {
            return raw == null ? Optional.empty() : Optional.of(new PhoneNumber(raw.strip()));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    private static Optional<CallId> id(String raw) {
        try {
            long v = Long.parseLong(raw);
            return v > 0 ? Optional.of(new CallId(v)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
