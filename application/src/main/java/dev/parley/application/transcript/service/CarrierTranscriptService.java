package dev.parley.application.transcript.service;

import dev.parley.application.call.port.in.CallSummary;
import dev.parley.application.call.port.in.FindCallUseCase;
import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.shared.Transactions;
import dev.parley.application.transcript.port.in.ManageTranscriptRequestsUseCase;
import dev.parley.application.transcript.port.in.RequestMediaTranscriptUseCase;
import dev.parley.application.transcript.port.in.StartCarrierTranscriptUseCase;
import dev.parley.application.transcript.port.in.StoreCarrierTranscriptUseCase;
import dev.parley.application.transcript.port.in.StoreOutcome;
import dev.parley.application.transcript.port.in.VoiceIntelligencePolicy;
import dev.parley.application.transcript.port.out.CarrierTranscript;
import dev.parley.application.transcript.port.out.CarrierTranscripts;
import dev.parley.application.transcript.port.out.EnhancedTranscripts;
import dev.parley.application.transcript.port.out.StoredTranscripts;
import dev.parley.application.transcript.port.out.TranscriptAlreadyStoredException;
import dev.parley.application.transcript.port.out.TranscriptRequests;
import dev.parley.application.transcript.port.out.TranscriptionUnavailableException;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.NotFoundException;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.transcript.ChannelRoles;
import dev.parley.domain.transcript.EnhancedTranscript;
import dev.parley.domain.transcript.TranscriptRequest;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The carrier transcript pipeline: recording finished → carrier transcript requested (linked to
 * the call's tenant) → completion → fetched and stored raw and enhanced, once. Carrier requests
 * never run inside a database transaction.
 */
public final class CarrierTranscriptService implements StartCarrierTranscriptUseCase, StoreCarrierTranscriptUseCase,
        RequestMediaTranscriptUseCase, ManageTranscriptRequestsUseCase {
    private static final String SID = "[A-Za-z0-9]{2,64}";
    private final VoiceIntelligencePolicy policy;
    private final CarrierTranscripts carrier;
    private final TranscriptRequests requests;
    private final StoredTranscripts stored;
    private final EnhancedTranscripts enhanced;
    private final FindCallUseCase calls;
    private final Transactions transactions;
    private final Clock clock;

    public CarrierTranscriptService(VoiceIntelligencePolicy policy, CarrierTranscripts carrier, TranscriptRequests requests,
                                    StoredTranscripts stored, EnhancedTranscripts enhanced, FindCallUseCase calls,
                                    Transactions transactions, Clock clock) {
        this.policy = policy;
        this.carrier = carrier;
        this.requests = requests;
        this.stored = stored;
        this.enhanced = enhanced;
        this.calls = calls;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public RecordingOutcome recordingCompleted(RecordingCompleted event) {
        if (!policy.enabled()) return new RecordingOutcome.Skipped("Voice Intelligence is switched off");
        if (!policy.hasService()) return new RecordingOutcome.Skipped("TWILIO_VOICE_INTELLIGENCE_SID is not set");
        if (!"completed".equalsIgnoreCase(event.recordingStatus()))
            return new RecordingOutcome.Skipped("recording not completed");
        if (!isSid(event.callSid()) || !isSid(event.recordingSid())) return new RecordingOutcome.Skipped("no call or recording id");
        Optional<TranscriptRequest> known = requests.byRecordingSid(event.recordingSid());
        if (known.isPresent()) return new RecordingOutcome.AlreadyStarted(known.get().transcriptSid());
        Optional<CallSummary> call = calls.byCarrierSid(event.callSid());
        if (call.isEmpty()) return new RecordingOutcome.Skipped("not one of our calls");
        CallDirection direction = directionOf(call.get());
        String transcriptSid = carrier.createFromRecording(policy.serviceSid(), event.recordingSid(),
                ChannelRoles.forDirection(direction), event.callSid());
        TranscriptRequest request = new TranscriptRequest(call.get().tenant(), transcriptSid, event.callSid(), event.recordingSid(),
                "", direction, call.get().scenarioRef(), clock.instant());
        try {
            transactions.run(() -> requests.add(request));
        } catch (TranscriptAlreadyStoredException raced) {
            // a retried callback overtook this one: keep the first transcript, drop ours
            carrier.delete(transcriptSid);
            return new RecordingOutcome.AlreadyStarted(requests.byRecordingSid(event.recordingSid())
                    .map(TranscriptRequest::transcriptSid).orElse(transcriptSid));
        }
        return new RecordingOutcome.Started(transcriptSid);
    }

    @Override
    public StoreOutcome transcriptAvailable(String transcriptSid) {
        if (!isSid(transcriptSid)) return new StoreOutcome.Unknown(String.valueOf(transcriptSid));
        if (stored.exists(transcriptSid)) return new StoreOutcome.AlreadyStored(transcriptSid);
        Optional<TranscriptRequest> request = requests.bySid(transcriptSid);
        Optional<CarrierTranscript> fetched = carrier.fetch(transcriptSid);
        if (fetched.isEmpty()) return new StoreOutcome.Unknown(transcriptSid);
        CarrierTranscript transcript = fetched.get();
        if (request.isPresent()) {
            TranscriptRequest r = request.get();
            return save(r.tenant(), transcript, r.callSid(), r.direction(), r.scenarioName());
        }
        // not requested by us (e.g. the service transcribes automatically): the call tells the tenant
        Optional<CallSummary> call = callOf(transcript).flatMap(calls::byCarrierSid);
        if (call.isEmpty()) return new StoreOutcome.Unknown(transcriptSid);
        return save(call.get().tenant(), transcript, call.get().carrierCallSid(), directionOf(call.get()), call.get().scenarioRef());
    }

    @Override
    public StoreOutcome store(StoreTranscriptCommand command) {
        String sid = command.transcriptSid();
        if (!isSid(sid)) throw notFound();
        Optional<TranscriptRequest> request = requests.bySid(sid);
        if (request.isPresent() && !request.get().tenant().equals(command.tenant())) throw notFound();
        if (stored.exists(sid)) {
            if (stored.find(command.tenant(), sid).isEmpty()) throw notFound();
            return new StoreOutcome.AlreadyStored(sid);
        }
        CarrierTranscript transcript = carrier.fetch(sid).orElseThrow(CarrierTranscriptService::notFound);
        String callSid;
        CallDirection direction;
        String scenario;
        if (request.isPresent()) {
            callSid = request.get().callSid();
            direction = request.get().direction();
            scenario = request.get().scenarioName();
        } else {
            CallSummary call = callOf(transcript).flatMap(c -> calls.byCarrierSid(command.tenant(), c))
                    .orElseThrow(CarrierTranscriptService::notFound);
            callSid = call.carrierCallSid();
            direction = directionOf(call);
            scenario = call.scenarioRef();
        }
        direction = command.direction().orElse(direction);
        if (command.scenarioName() != null && !command.scenarioName().isBlank()) scenario = command.scenarioName().strip();
        if (!transcript.isCompleted()) return new StoreOutcome.NotReady(sid, transcript.status());
        return save(command.tenant(), transcript, callSid, direction, scenario);
    }

    private StoreOutcome save(TenantId tenant, CarrierTranscript transcript, String callSid, CallDirection direction, String scenario) {
        if (!transcript.isCompleted()) return new StoreOutcome.NotReady(transcript.sid(), transcript.status());
        Instant now = clock.instant();
        EnhancedTranscript view = new EnhancedTranscript(tenant, transcript.sid(), callSid, callDate(transcript, now),
                transcript.durationSeconds(), direction, scenario, transcript.domainSentences());
        try {
            transactions.run(() -> {
                stored.add(tenant, transcript, scenario, now);
                enhanced.add(view);
            });
            return new StoreOutcome.Stored(transcript.sid());
        } catch (TranscriptAlreadyStoredException retried) {
            return new StoreOutcome.AlreadyStored(transcript.sid());
        }
    }

    @Override
    public TranscriptRequest request(RequestMediaTranscriptCommand command) {
        String url = mediaUrl(command.mediaUrl());
        if (!policy.hasService())
            throw TranscriptionUnavailableException.notConfigured("Voice Intelligence is not configured (TWILIO_VOICE_INTELLIGENCE_SID)");
        CallDirection direction = command.direction() == null ? CallDirection.OUTBOUND : command.direction();
        String sid = carrier.createFromMediaUrl(policy.serviceSid(), url, ChannelRoles.forDirection(direction),
                "tenant-" + command.tenant());
        TranscriptRequest request = new TranscriptRequest(command.tenant(), sid, "", "", url, direction,
                command.scenarioName(), clock.instant());
        transactions.run(() -> requests.add(request));
        return request;
    }

    @Override
    public Page<TranscriptRequest> list(TenantId tenant, PageRequest page) {
        return requests.list(tenant, page);
    }

    @Override
    public CarrierTranscript fetch(TenantId tenant, String transcriptSid) {
        owned(tenant, transcriptSid);
        return carrier.fetch(transcriptSid).orElseThrow(CarrierTranscriptService::notFound);
    }

    @Override
    public void delete(TenantId tenant, String transcriptSid) {
        owned(tenant, transcriptSid);
        carrier.delete(transcriptSid);
        transactions.run(() -> {
            enhanced.remove(tenant, transcriptSid);
            stored.remove(tenant, transcriptSid);
            requests.remove(tenant, transcriptSid);
        });
    }

    private void owned(TenantId tenant, String transcriptSid) {
        if (!isSid(transcriptSid) || requests.find(tenant, transcriptSid).isEmpty()) throw notFound();
    }

    private static final java.util.regex.Pattern HTTP_URL =
            java.util.regex.Pattern.compile("(?i)https?://[A-Za-z0-9.\\-]+(:\\d{1,5})?(/[^\\s]*)?");

    private static String mediaUrl(String raw) {
        String url = raw == null ? "" : raw.strip();
        if (url.isEmpty() || url.length() > 2000 || !HTTP_URL.matcher(url).matches())
            throw new InvalidValueException("media_url", "media-url.invalid",
                    "media_url must be an absolute http(s) URL the carrier can fetch (at most 2000 characters)");
        return url;
    }

    private static Optional<String> callOf(CarrierTranscript transcript) {
        if (isSid(transcript.callSid())) return Optional.of(transcript.callSid());
        if (isSid(transcript.customerKey()) && transcript.customerKey().startsWith("CA")) return Optional.of(transcript.customerKey());
        return Optional.empty();
    }

    private static CallDirection directionOf(CallSummary call) {
        try {
            return CallDirection.parse(call.direction());
        } catch (InvalidValueException e) {
            return CallDirection.INBOUND;
        }
    }

    private static Instant callDate(CarrierTranscript transcript, Instant otherwise) {
        try {
            return transcript.dateCreated().isBlank() ? otherwise : OffsetDateTime.parse(transcript.dateCreated()).toInstant();
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }

    private static boolean isSid(String sid) {
        return sid != null && sid.matches(SID);
    }

    static NotFoundException notFound() {
        return new NotFoundException("transcript.not-found", "Transcript not found");
    }
}
