package dev.parley.adapter.in.web.transcript;

import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.adapter.in.web.transcript.TranscriptRequests.StoreTranscriptRequest;
import dev.parley.adapter.in.web.transcript.TranscriptResponses.EnhancedDetail;
import dev.parley.adapter.in.web.transcript.TranscriptResponses.EnhancedListItem;
import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.transcript.port.in.ReadEnhancedTranscriptsUseCase;
import dev.parley.application.transcript.port.in.StoreCarrierTranscriptUseCase;
import dev.parley.application.transcript.port.in.StoreCarrierTranscriptUseCase.StoreTranscriptCommand;
import dev.parley.application.transcript.port.in.StoreOutcome;
import dev.parley.application.transcript.port.out.EnhancedTranscriptListing;
import dev.parley.application.transcript.port.out.TranscriptFilter;
import dev.parley.domain.shared.ConflictException;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.call.CallDirection;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;
import java.util.Optional;

@Controller("/api/enhanced-transcripts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Transcripts")
class EnhancedTranscriptController {
    private final ReadEnhancedTranscriptsUseCase transcripts;
    private final StoreCarrierTranscriptUseCase store;

    EnhancedTranscriptController(ReadEnhancedTranscriptsUseCase transcripts, StoreCarrierTranscriptUseCase store) {
        this.transcripts = transcripts;
        this.store = store;
    }

    @Operation(summary = "List my enhanced transcripts", description = "Voice Intelligence transcripts and the calls this server "
            + "bridged (their lines captured so far; transcript_sid is the call SID), one entry per call (the Intelligence one when a "
            + "call has both), each with its source (live|intelligence). Newest call first. Filters: call_direction (inbound|outbound), "
            + "scenario_name (exact, any case), q (the transcript contains all these words: full-text search on PostgreSQL). "
            + "The total count is in the X-Total-Count header.")
    @Get
    HttpResponse<List<EnhancedListItem>> list(@QueryValue(defaultValue = "0") int skip, @QueryValue(defaultValue = "50") int limit,
                                              @Nullable @QueryValue("call_direction") String callDirection,
                                              @Nullable @QueryValue("scenario_name") String scenarioName,
                                              @Nullable @QueryValue String q, Authentication authentication) {
        Optional<CallDirection> direction = callDirection == null || callDirection.isBlank() ? Optional.empty()
                : Optional.of(CallDirection.parse(callDirection));
        Page<EnhancedTranscriptListing> page = transcripts.list(CurrentTenant.of(authentication),
                new TranscriptFilter(direction, scenarioName, q), new PageRequest(skip, limit));
        return HttpResponse.ok(page.items().stream().map(EnhancedListItem::from).toList())
                .header("X-Total-Count", Long.toString(page.total()));
    }

    @Operation(summary = "One enhanced transcript", description = "By Twilio transcript SID (GT…), or by call SID (CA…) for a call "
            + "this server bridged: participants with roles, speaking time, words and sentences; conversation flow; summary.")
    @Get("/{transcriptSid}")
    EnhancedDetail get(@PathVariable String transcriptSid, Authentication authentication) {
        return EnhancedDetail.from(transcripts.get(CurrentTenant.of(authentication), transcriptSid));
    }

    @Operation(summary = "Import an existing Twilio transcript", description = "Fetches it from Twilio Voice Intelligence and stores it "
            + "raw and enhanced. It must be one made for one of my calls. Importing twice changes nothing.")
    @Post("/import/{transcriptSid}")
    EnhancedDetail importTranscript(@PathVariable String transcriptSid, @Nullable @Valid @Body StoreTranscriptRequest body,
                                    Authentication authentication) {
        TenantId tenant = CurrentTenant.of(authentication);
        StoredTranscriptController.check(store.store(command(tenant, transcriptSid, body)));
        return EnhancedDetail.from(transcripts.get(tenant, transcriptSid));
    }

    static StoreTranscriptCommand command(TenantId tenant, String sid, @Nullable StoreTranscriptRequest body) {
        String scenario = body == null ? "" : body.scenarioName();
        Optional<CallDirection> direction = body == null || body.callDirection() == null || body.callDirection().isBlank()
                ? Optional.empty() : Optional.of(CallDirection.parse(body.callDirection()));
        return new StoreTranscriptCommand(tenant, sid, scenario, direction);
    }

    static ConflictException notReady(StoreOutcome.NotReady notReady) {
        return new ConflictException("transcript.not-ready", "The transcript is not completed yet (status: " + notReady.status() + ")");
    }
}
