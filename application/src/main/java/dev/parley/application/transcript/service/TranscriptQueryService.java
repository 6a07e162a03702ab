package dev.parley.application.transcript.service;

import dev.parley.application.call.port.in.CallSummary;
import dev.parley.application.call.port.in.CallTranscriptLine;
import dev.parley.application.call.port.in.FindCallUseCase;
import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.transcript.port.in.ReadEnhancedTranscriptsUseCase;
import dev.parley.application.transcript.port.in.ReadStoredTranscriptsUseCase;
import dev.parley.application.transcript.port.out.CarrierTranscript;
import dev.parley.application.transcript.port.out.EnhancedTranscriptListing;
import dev.parley.application.transcript.port.out.EnhancedTranscripts;
import dev.parley.application.transcript.port.out.StoredTranscripts;
import dev.parley.application.transcript.port.out.TranscriptFilter;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.transcript.CapturedLine;
import dev.parley.domain.transcript.EnhancedTranscript;
import dev.parley.domain.transcript.SpeakerRole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads transcripts; a call bridged live by this server gets the same enhanced view from its captured lines. */
public final class TranscriptQueryService implements ReadEnhancedTranscriptsUseCase, ReadStoredTranscriptsUseCase {
    private static final int MAX_QUERY = 200;
    private final EnhancedTranscripts enhanced;
    private final StoredTranscripts stored;
    private final FindCallUseCase calls;

    public TranscriptQueryService(EnhancedTranscripts enhanced, StoredTranscripts stored, FindCallUseCase calls) {
        this.enhanced = enhanced;
        this.stored = stored;
        this.calls = calls;
    }

    @Override
    public Page<EnhancedTranscriptListing> list(TenantId tenant, TranscriptFilter filter, PageRequest page) {
        checkQuery(filter.query());
        return enhanced.list(tenant, filter, page);
    }

    @Override
    public EnhancedTranscript get(TenantId tenant, String transcriptSid) {
        if (transcriptSid == null || transcriptSid.isBlank() || transcriptSid.length() > 64) throw CarrierTranscriptService.notFound();
        return enhanced.find(tenant, transcriptSid).or(() -> live(tenant, transcriptSid))
                .orElseThrow(CarrierTranscriptService::notFound);
    }

    private Optional<EnhancedTranscript> live(TenantId tenant, String callSid) {
        Optional<CallSummary> call = calls.byCarrierSid(tenant, callSid);
        if (call.isEmpty()) return Optional.empty();
        List<CallTranscriptLine> lines = calls.transcript(tenant, callSid);
        if (lines.isEmpty()) return Optional.empty();
        CallDirection direction;
        try {
            direction = CallDirection.parse(call.get().direction());
        } catch (InvalidValueException e) {
            direction = CallDirection.INBOUND;
        }
        List<CapturedLine> captured = new ArrayList<>(lines.size());
        for (CallTranscriptLine line : lines) {
            if (line == null || line.text() == null) continue;
            captured.add(new CapturedLine(SpeakerRole.parse(line.speaker()), line.text(), line.startSeconds(), line.endSeconds(),
                    line.confidence()));
        }
        CallSummary c = call.get();
        Instant callDate = c.createdAt() == null ? Instant.EPOCH : c.createdAt();
        return Optional.of(EnhancedTranscript.ofCapturedLines(tenant, callSid, callDate, c.durationSeconds(), direction, c.scenarioRef(),
                captured));
    }

    @Override
    public Page<CarrierTranscript> listStored(TenantId tenant, String query, PageRequest page) {
        checkQuery(query);
        return stored.list(tenant, query == null ? "" : query.strip(), page);
    }

    @Override
    public CarrierTranscript getStored(TenantId tenant, String transcriptSid) {
        if (transcriptSid == null || transcriptSid.length() > 64) throw CarrierTranscriptService.notFound();
        return stored.find(tenant, transcriptSid).orElseThrow(CarrierTranscriptService::notFound);
    }

    private static void checkQuery(String query) {
        if (query != null && query.length() > MAX_QUERY)
            throw new InvalidValueException("q", "query.too-long", "q has at most " + MAX_QUERY + " characters");
    }
}
