package dev.parley.adapter.in.web.tenancy;

import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.adapter.in.web.tenancy.AuthResponses.UserResponse;
import dev.parley.application.tenancy.port.in.GetCurrentUserUseCase;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Controller("/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Users")
class UserController {
    private final GetCurrentUserUseCase currentUser;

    UserController(GetCurrentUserUseCase currentUser) {
        this.currentUser = currentUser;
    }

    @Operation(summary = "The signed-in user")
    @Get("/me")
    UserResponse me(Authentication authentication) {
        return UserResponse.from(currentUser.get(CurrentTenant.of(authentication)));
    }
}
