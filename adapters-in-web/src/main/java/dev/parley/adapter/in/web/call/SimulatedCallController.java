package dev.parley.adapter.in.web.call;

import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.application.call.port.in.StartSimulatedCallUseCase;
import dev.parley.application.call.port.in.StartSimulatedCallUseCase.StartSimulatedCallCommand;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Simulated calls, with no carrier and no phone number: the softphone page and {@code ./parley call}
 * start one here, then open {@code stream_path} with Twilio's media-stream protocol, presenting
 * {@code call_id}, {@code token} and {@code call_sid} in the start frame as a real call does.
 */
@Controller("/api/simulated-calls")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Calls")
class SimulatedCallController {
    static final String STREAM_PATH = "/media-stream";
    private final StartSimulatedCallUseCase start;

    SimulatedCallController(StartSimulatedCallUseCase start) {
        this.start = start;
    }

    @Operation(summary = "Start a simulated call with a built-in or custom scenario",
            description = "Answers 201 {call_id, call_sid, token, stream_path}; the token lets one media stream attach, once.")
    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<SimulatedCallStarted> start(@Body @Valid StartSimulatedCallRequest body, Authentication authentication) {
        var ticket = start.start(new StartSimulatedCallCommand(CurrentTenant.of(authentication), body.scenario()));
        return HttpResponse.created(new SimulatedCallStarted(ticket.call().value(), ticket.carrierSid(), ticket.token(), STREAM_PATH));
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record StartSimulatedCallRequest(@NotBlank @Size(max = 100) String scenario) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record SimulatedCallStarted(long callId, String callSid, String token, String streamPath) {
    }
}
