package dev.parley.adapter.in.web.tenancy;

import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.adapter.in.web.security.RateLimited;
import dev.parley.adapter.in.web.tenancy.AuthResponses.UserResponse;
import dev.parley.application.tenancy.port.in.GetCurrentUserUseCase;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Seed 004's example of a protected route: who is signed in, 5 per minute per user. */
@Controller("/protected")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Users")
class ProtectedController {
    private final GetCurrentUserUseCase currentUser;

    ProtectedController(GetCurrentUserUseCase currentUser) {
        this.currentUser = currentUser;
    }

    @Operation(summary = "Example protected route", description = "Answers {message, user}; 5 per minute per user.")
    @RateLimited("protected")
    @Get
    ProtectedResponse get(Authentication authentication) {
        return new ProtectedResponse("This is a protected route", UserResponse.from(currentUser.get(CurrentTenant.of(authentication))));
    }

    @Serdeable
    record ProtectedResponse(String message, UserResponse user) {
    }
}
