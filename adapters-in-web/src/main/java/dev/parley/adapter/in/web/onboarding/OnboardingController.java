package dev.parley.adapter.in.web.onboarding;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.application.onboarding.port.in.CheckOnboardingStepUseCase;
import dev.parley.application.onboarding.port.in.CompleteOnboardingStepUseCase;
import dev.parley.application.onboarding.port.in.GetOnboardingStatusUseCase;
import dev.parley.application.onboarding.port.in.NextOnboardingActionUseCase;
import dev.parley.application.onboarding.port.in.NextOnboardingActionUseCase.NextAction;
import dev.parley.application.onboarding.port.in.OnboardingStatusView;
import dev.parley.application.onboarding.port.in.StartOnboardingUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
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

import java.time.Instant;
import java.util.List;

/**
 * Onboarding (seed 001): steps phone_setup, calendar_connected, first_scenario_created,
 * welcome_call_completed. Steps are detected from what the user really did on every read; the
 * user may also mark a step done (e.g. skip the calendar).
 */
@Controller("/onboarding")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Onboarding")
class OnboardingController {
    private final GetOnboardingStatusUseCase status;
    private final StartOnboardingUseCase start;
    private final CompleteOnboardingStepUseCase complete;
    private final CheckOnboardingStepUseCase check;
    private final NextOnboardingActionUseCase next;

    OnboardingController(GetOnboardingStatusUseCase status, StartOnboardingUseCase start, CompleteOnboardingStepUseCase complete,
                         CheckOnboardingStepUseCase check, NextOnboardingActionUseCase next) {
        this.status = status;
        this.start = start;
        this.complete = complete;
        this.check = check;
        this.next = next;
    }

    @Operation(summary = "My onboarding progress")
    @Get("/status")
    StatusResponse status(Authentication auth) {
        return StatusResponse.from(status.status(CurrentTenant.of(auth)));
    }

    @Operation(summary = "What to do next", description = "The first step not done, with the route that does it and a priority.")
    @Get("/next-action")
    NextActionResponse nextAction(Authentication auth) {
        return NextActionResponse.from(next.next(CurrentTenant.of(auth)));
    }

    @Operation(summary = "Mark a step done", description = "{\"step\": \"calendar_connected\"}; completed_at is set once all steps are done.")
    @Post(value = "/complete-step", consumes = MediaType.APPLICATION_JSON)
    StatusResponse completeStep(@Body @Valid CompleteStepRequest body, Authentication auth) {
        return StatusResponse.from(complete.complete(CurrentTenant.of(auth), body.step()));
    }

    @Operation(summary = "Start onboarding", description = "Done at registration already; idempotent, progress is kept.")
    @Post("/initialize")
    StatusResponse initialize(Authentication auth) {
        return StatusResponse.from(start.start(CurrentTenant.of(auth)));
    }

    @Operation(summary = "Whether one step is done")
    @Get("/check-step/{step}")
    CheckStepResponse checkStep(@PathVariable String step, Authentication auth) {
        boolean done = check.isDone(CurrentTenant.of(auth), step);
        return new CheckStepResponse(done, step.strip().toLowerCase(java.util.Locale.ROOT));
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record CompleteStepRequest(@NotBlank @Size(max = 64) String step) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record StepResponse(String step, String title, boolean completed) {
    }

    /** Seed 001's UserOnboardingStatus fields, plus the steps in order and a summary. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StatusResponse(long userId, boolean phoneNumberSetup, boolean calendarConnected, boolean firstScenarioCreated,
                          boolean welcomeCallCompleted, @Nullable String currentStep, Instant startedAt, @Nullable Instant completedAt,
                          boolean isComplete, int completedSteps, int totalSteps, int progressPercent, List<StepResponse> steps) {
        static StatusResponse from(OnboardingStatusView v) {
            int done = (int) v.steps().stream().filter(OnboardingStatusView.StepState::completed).count();
            int total = v.steps().size();
            return new StatusResponse(v.tenantId(), v.isDone("phone_setup"), v.isDone("calendar_connected"),
                    v.isDone("first_scenario_created"), v.isDone("welcome_call_completed"), v.currentStep().orElse(null),
                    v.startedAt(), v.completedAt().orElse(null), v.isComplete(), done, total, done * 100 / total,
                    v.steps().stream().map(s -> new StepResponse(s.step(), s.title(), s.completed())).toList());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NextActionResponse(boolean onboardingComplete, @Nullable String step, String title, String description,
                              @Nullable String endpoint, String priority) {
        static NextActionResponse from(NextAction a) {
            return new NextActionResponse(a.onboardingComplete(), a.step().orElse(null), a.title(), a.description(),
                    a.endpoint().orElse(null), a.priority());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record CheckStepResponse(boolean completed, String step) {
    }
}
