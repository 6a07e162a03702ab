package dev.parley.adapter.in.web.transcript;

import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.adapter.in.web.transcript.TranscriptRequests.StoreTranscriptRequest;
import dev.parley.adapter.in.web.transcript.TranscriptResponses.StoreResponse;
import dev.parley.adapter.in.web.transcript.TranscriptResponses.TwilioTranscriptJson;
import dev.parley.adapter.in.web.transcript.TranscriptResponses.TwilioTranscriptPage;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.transcript.port.in.ReadStoredTranscriptsUseCase;
import dev.parley.application.transcript.port.in.StoreCarrierTranscriptUseCase;
import dev.parley.application.transcript.port.in.StoreOutcome;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.NotFoundException;
import io.micronaut.core.annotation.Nullable;
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

/** Seed 000's stored Twilio-format transcripts: read from our database, never from Twilio. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Transcripts")
class StoredTranscriptController {
    private final ReadStoredTranscriptsUseCase stored;
    private final StoreCarrierTranscriptUseCase store;

    StoredTranscriptController(ReadStoredTranscriptsUseCase stored, StoreCarrierTranscriptUseCase store) {
        this.stored = stored;
        this.store = store;
    }

    @Operation(summary = "List my stored transcripts in Twilio's format", description = "Newest first; page_size (1-100, default 50), "
            + "page (from 0), q (contains all these words).")
    @Get("/stored-twilio-transcripts")
    TwilioTranscriptPage list(@QueryValue(value = "page_size", defaultValue = "50") int pageSize,
                              @QueryValue(defaultValue = "0") int page, @Nullable @QueryValue String q, Authentication authentication) {
        if (page < 0 || page > 1_000_000) throw new InvalidValueException("page", "page.invalid", "page must be 0 or more");
        return TwilioTranscriptPage.from(stored.listStored(CurrentTenant.of(authentication), q, pageRequest(page, pageSize)));
    }

    @Operation(summary = "One stored transcript in Twilio's format")
    @Get("/stored-twilio-transcripts/{transcriptSid}")
    TwilioTranscriptJson get(@PathVariable String transcriptSid, Authentication authentication) {
        return TwilioTranscriptJson.from(stored.getStored(CurrentTenant.of(authentication), transcriptSid));
    }

    @Operation(summary = "Fetch a transcript from Twilio and store it", description = "Raw (Twilio format) and enhanced. Storing twice "
            + "is a no-op. Only transcripts made for my calls or at my request can be stored.")
    @Post("/store-transcript/{transcriptSid}")
    StoreResponse storeTranscript(@PathVariable String transcriptSid, @Nullable @Valid @Body StoreTranscriptRequest body,
                                  Authentication authentication) {
        StoreOutcome outcome = check(store.store(EnhancedTranscriptController.command(CurrentTenant.of(authentication), transcriptSid, body)));
        boolean already = outcome instanceof StoreOutcome.AlreadyStored;
        return new StoreResponse(already ? "Transcript already stored" : "Transcript stored", transcriptSid, already);
    }

    static StoreOutcome check(StoreOutcome outcome) {
        return switch (outcome) {
            case StoreOutcome.NotReady notReady -> throw EnhancedTranscriptController.notReady(notReady);
            case StoreOutcome.Unknown unknown -> throw new NotFoundException("transcript.not-found", "Transcript not found");
            default -> outcome;
        };
    }

    static PageRequest pageRequest(int page, int pageSize) {
        if (pageSize < 1 || pageSize > PageRequest.MAX_LIMIT)
            throw new InvalidValueException("page_size", "page.size", "page_size must be between 1 and " + PageRequest.MAX_LIMIT);
        if (page < 0 || page > 1_000_000) throw new InvalidValueException("page", "page.invalid", "page must be 0 or more");
        return new PageRequest(page * pageSize, pageSize);
    }
}
