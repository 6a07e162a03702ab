package dev.parley.adapter.in.web.tenancy;

import dev.parley.adapter.in.web.security.AccessTokens;
import dev.parley.adapter.in.web.security.ClientAddress;
import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.adapter.in.web.security.RateLimited;
import dev.parley.adapter.in.web.security.SessionGate;
import dev.parley.adapter.in.web.tenancy.AuthRequests.LoginRequest;
import dev.parley.adapter.in.web.tenancy.AuthRequests.RefreshRequest;
import dev.parley.adapter.in.web.tenancy.AuthRequests.RegisterRequest;
import dev.parley.adapter.in.web.tenancy.AuthResponses.MessageResponse;
import dev.parley.adapter.in.web.tenancy.AuthResponses.SessionResponse;
import dev.parley.adapter.in.web.tenancy.AuthResponses.TokenResponse;
import dev.parley.adapter.in.web.tenancy.AuthResponses.UserResponse;
import dev.parley.application.tenancy.port.in.CheckCaptchaUseCase;
import dev.parley.application.tenancy.port.in.InvalidCredentialsException;
import dev.parley.application.tenancy.port.in.ListSessionsUseCase;
import dev.parley.application.tenancy.port.in.RefreshSessionUseCase;
import dev.parley.application.tenancy.port.in.RegisterUserUseCase;
import dev.parley.application.tenancy.port.in.SignInUseCase;
import dev.parley.application.tenancy.port.in.SignOutUseCase;
import dev.parley.application.tenancy.port.in.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;

@Controller("/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Authentication")
class AuthController {
    private final RegisterUserUseCase register;
    private final SignInUseCase signIn;
    private final RefreshSessionUseCase refresh;
    private final SignOutUseCase signOut;
    private final ListSessionsUseCase sessions;
    private final AccessTokens accessTokens;
    private final SessionGate sessionGate;
    private final CheckCaptchaUseCase captcha;
    private final ClientAddress addresses;

    AuthController(RegisterUserUseCase register, SignInUseCase signIn, RefreshSessionUseCase refresh, SignOutUseCase signOut,
                   ListSessionsUseCase sessions, AccessTokens accessTokens, SessionGate sessionGate, CheckCaptchaUseCase captcha,
                   ClientAddress addresses) {
        this.captcha = captcha;
        this.addresses = addresses;
        this.register = register;
        this.signIn = signIn;
        this.refresh = refresh;
        this.signOut = signOut;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.sessionGate = sessionGate;
    }

    @Operation(summary = "Register a new user", description = "Email is normalised (trimmed, lower case) and unique. "
            + "Password: 8 to 128 characters, at least one letter and one digit or symbol. When CAPTCHA is on (GET /auth/captcha-key), "
            + "captcha_token is required.")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @RateLimited(value = "auth", by = RateLimited.Per.CLIENT_ADDRESS)
    @Post(value = "/register", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<UserResponse> register(@Body @Valid RegisterRequest body, HttpRequest<?> request) {
        captcha.check(new CheckCaptchaUseCase.CaptchaCheckCommand(body.captcha(), "register", addresses.of(request)));
        return HttpResponse.created(UserResponse.from(
                register.register(new RegisterUserUseCase.RegisterUserCommand(body.email(), body.password()))));
    }

    @Operation(summary = "Sign in with email and password", description = "Answers an access token (JWT) and a refresh token.")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @RateLimited(value = "auth", by = RateLimited.Per.CLIENT_ADDRESS)
    @Post(value = "/login", consumes = MediaType.APPLICATION_JSON)
    TokenResponse login(@Body @Valid LoginRequest body, HttpRequest<?> request) {
        captcha.check(new CheckCaptchaUseCase.CaptchaCheckCommand(body.captcha(), "login", addresses.of(request)));
        return tokens(signIn.signIn(new SignInUseCase.SignInCommand(body.email(), body.password())));
    }

    @Operation(summary = "Exchange a refresh token for new tokens", description = "Rotation: the presented refresh token stops "
            + "working. Presenting an already rotated token revokes every token of that sign-in.")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @RateLimited(value = "refresh", by = RateLimited.Per.CLIENT_ADDRESS)
    @Post(value = "/refresh", consumes = MediaType.APPLICATION_JSON)
    TokenResponse refresh(@Body @Valid RefreshRequest body) {
        try {
            return tokens(refresh.refresh(body.refreshToken()));
        } catch (InvalidCredentialsException refused) {
            sessionGate.forgetAll(); // a replayed token may just have ended its whole sign-in
            throw refused;
        }
    }

    @Operation(summary = "Sign out: revoke a refresh token", description = "Idempotent; the access tokens of that sign-in stop "
            + "working too (at once on this instance, within seconds on the others).")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post(value = "/logout", consumes = MediaType.APPLICATION_JSON)
    MessageResponse logout(@Body @Valid RefreshRequest body) {
        signOut.signOut(body.refreshToken());
        sessionGate.forgetAll();
        return new MessageResponse("Logged out");
    }

    @Operation(summary = "List my signed-in sessions")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/sessions")
    List<SessionResponse> sessions(Authentication authentication) {
        return sessions.list(CurrentTenant.of(authentication)).stream().map(SessionResponse::from).toList();
    }

    @Operation(summary = "End one of my sessions")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Delete("/sessions/{id}")
    MessageResponse endSession(@PathVariable long id, Authentication authentication) {
        signOut.endSession(CurrentTenant.of(authentication), id);
        sessionGate.forgetAll();
        return new MessageResponse("Session ended");
    }

    private TokenResponse tokens(SignedIn session) {
        return TokenResponse.from(accessTokens.issue(session), session);
    }
}
