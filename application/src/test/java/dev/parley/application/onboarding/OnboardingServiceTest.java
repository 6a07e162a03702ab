package dev.parley.application.onboarding;

import dev.parley.application.fakes.InMemoryOnboardingRepository;
import dev.parley.application.fakes.InlineTransactions;
import dev.parley.application.fakes.MutableClock;
import dev.parley.application.onboarding.port.in.NextOnboardingActionUseCase.NextAction;
import dev.parley.application.onboarding.port.in.OnboardingStatusView;
import dev.parley.application.onboarding.service.OnboardingService;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnboardingServiceTest {
    private static final TenantId ANN = new TenantId(1);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final Set<TenantId> withNumber = new HashSet<>();
    private final Set<TenantId> withScenario = new HashSet<>();
    private final Set<TenantId> withCall = new HashSet<>();
    private final OnboardingService service = new OnboardingService(new InMemoryOnboardingRepository(), withNumber::contains,
            withScenario::contains, withCall::contains, tenant -> false, new InlineTransactions(), clock);

    @Test
    void startingTwiceKeepsTheProgress() {
        service.start(ANN);
        service.complete(ANN, "calendar_connected");
        OnboardingStatusView again = service.start(ANN);
        assertThat(again.isDone("calendar_connected")).isTrue();
        assertThat(again.startedAt()).isEqualTo(clock.instant());
    }

    @Test
    void stepsAreDetectedFromRealStateAndCompletedAtIsSetOnce() {
        service.start(ANN);
        assertThat(service.status(ANN).currentStep()).contains("phone_setup");
        assertThat(service.isDone(ANN, "phone_setup")).isFalse();

        withNumber.add(ANN);
        withScenario.add(ANN);
        assertThat(service.isDone(ANN, "phone_setup")).isTrue();
        assertThat(service.status(ANN).currentStep()).contains("calendar_connected");
        NextAction next = service.next(ANN);
        assertThat(next.step()).contains("calendar_connected");
        assertThat(next.priority()).isEqualTo("low");

        service.complete(ANN, "calendar_connected");
        clock.advance(Duration.ofMinutes(5));
        withCall.add(ANN);
        OnboardingStatusView done = service.status(ANN);
        assertThat(done.completedAt()).contains(clock.instant());
        clock.advance(Duration.ofMinutes(5));
        assertThat(service.status(ANN).completedAt()).contains(clock.instant().minus(Duration.ofMinutes(5)));
        assertThat(service.next(ANN).onboardingComplete()).isTrue();
    }

    @Test
    void progressSurvivesTheEvidenceGoingAway() {
        withNumber.add(ANN);
        assertThat(service.status(ANN).isDone("phone_setup")).isTrue();
        withNumber.clear();
        assertThat(service.status(ANN).isDone("phone_setup")).isTrue();
    }

    @Test
    void unknownStepsAreRefused() {
        assertThatThrownBy(() -> service.complete(ANN, "bake_cake"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("step"));
        assertThatThrownBy(() -> service.isDone(ANN, "")).isInstanceOf(InvalidValueException.class);
    }
}
