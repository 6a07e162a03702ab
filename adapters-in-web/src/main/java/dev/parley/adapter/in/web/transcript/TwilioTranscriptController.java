package dev.parley.adapter.in.web.transcript;

import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.adapter.in.web.security.RateLimited;
import dev.parley.adapter.in.web.transcript.TranscriptRequests.MediaUrlRequest;
import dev.parley.adapter.in.web.transcript.TranscriptResponses.MessageResponse;
import dev.parley.adapter.in.web.transcript.TranscriptResponses.TranscriptRequestJson;
import dev.parley.adapter.in.web.transcript.TranscriptResponses.TranscriptRequestPage;
import dev.parley.adapter.in.web.transcript.TranscriptResponses.TwilioTranscriptJson;
import dev.parley.application.transcript.port.in.ManageTranscriptRequestsUseCase;
import dev.parley.application.transcript.port.in.RequestMediaTranscriptUseCase;
import dev.parley.application.transcript.port.in.RequestMediaTranscriptUseCase.RequestMediaTranscriptCommand;
import dev.parley.domain.call.CallDirection;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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

/** Seed 004's transcription endpoints: transcripts the tenant asks Twilio Voice Intelligence for. */
@Controller("/twilio-transcripts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Transcripts")
class TwilioTranscriptController {
    private final RequestMediaTranscriptUseCase requestMedia;
    private final ManageTranscriptRequestsUseCase manage;

    TwilioTranscriptController(RequestMediaTranscriptUseCase requestMedia, ManageTranscriptRequestsUseCase manage) {
        this.requestMedia = requestMedia;
        this.manage = manage;
    }

    @Operation(summary = "Transcribe audio at a URL with Twilio Voice Intelligence", description = "JSON media_url (http(s), "
            + "reachable by Twilio), optional call_direction (which channel is the agent; default outbound) and scenario_name. "
            + "Twilio calls back when done; the transcript is then stored.")
    @RateLimited("transcript")
    @Post(value = "/create-with-media-url", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<TranscriptRequestJson> create(@Valid @Body MediaUrlRequest body, Authentication authentication) {
        CallDirection direction = body.callDirection() == null || body.callDirection().isBlank() ? CallDirection.OUTBOUND
                : CallDirection.parse(body.callDirection());
        return HttpResponse.created(TranscriptRequestJson.from(requestMedia.request(new RequestMediaTranscriptCommand(
                CurrentTenant.of(authentication), body.mediaUrl(), direction, body.scenarioName()))));
    }

    @Operation(summary = "List the transcripts I asked Twilio for", description = "Newest first; page_size (1-100), page (from 0).")
    @Get
    TranscriptRequestPage list(@QueryValue(value = "page_size", defaultValue = "50") int pageSize,
                               @QueryValue(defaultValue = "0") int page, Authentication authentication) {
        return TranscriptRequestPage.from(manage.list(CurrentTenant.of(authentication), StoredTranscriptController.pageRequest(page, pageSize)));
    }

    @Operation(summary = "One of my transcripts, live from Twilio", description = "Status and, once completed, the sentences.")
    @Get("/{id}")
    TwilioTranscriptJson get(@PathVariable String id, Authentication authentication) {
        return TwilioTranscriptJson.from(manage.fetch(CurrentTenant.of(authentication), id));
    }

    @Operation(summary = "Delete one of my transcripts", description = "At Twilio and every copy stored here.")
    @Delete("/{id}")
    MessageResponse delete(@PathVariable String id, Authentication authentication) {
        manage.delete(CurrentTenant.of(authentication), id);
        return new MessageResponse("Transcript deleted");
    }
}
