package dev.parley.application.onboarding.service;

import dev.parley.application.onboarding.port.in.CheckOnboardingStepUseCase;
import dev.parley.application.onboarding.port.in.CompleteOnboardingStepUseCase;
import dev.parley.application.onboarding.port.in.GetOnboardingStatusUseCase;
import dev.parley.application.onboarding.port.in.NextOnboardingActionUseCase;
import dev.parley.application.onboarding.port.in.OnboardingStatusView;
import dev.parley.application.onboarding.port.in.StartOnboardingUseCase;
import dev.parley.application.onboarding.port.out.CalendarConnections;
import dev.parley.application.onboarding.port.out.CallActivity;
import dev.parley.application.onboarding.port.out.NumberHoldings;
import dev.parley.application.onboarding.port.out.OnboardingRepository;
import dev.parley.application.onboarding.port.out.ScenarioHoldings;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.onboarding.OnboardingProgress;
import dev.parley.domain.onboarding.OnboardingStep;
import dev.parley.domain.shared.TenantId;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Onboarding progress. Every read first detects steps from real state through the evidence ports
 * (a provisioned number, a custom scenario, a completed call, stored calendar credentials) and
 * stores what it found; a tenant may also mark a step done itself (e.g. skip the calendar).
 * Tenants without progress (registered before onboarding existed) get it started on first use.
 */
public final class OnboardingService implements GetOnboardingStatusUseCase, StartOnboardingUseCase, CompleteOnboardingStepUseCase,
        CheckOnboardingStepUseCase, NextOnboardingActionUseCase {
    private final OnboardingRepository progress;
    private final NumberHoldings numbers;
    private final ScenarioHoldings scenarios;
    private final CallActivity calls;
    private final CalendarConnections calendars;
    private final Transactions transactions;
    private final Clock clock;

    public OnboardingService(OnboardingRepository progress, NumberHoldings numbers, ScenarioHoldings scenarios, CallActivity calls,
                             CalendarConnections calendars, Transactions transactions, Clock clock) {
        this.progress = progress;
        this.numbers = numbers;
        this.scenarios = scenarios;
        this.calls = calls;
        this.calendars = calendars;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public OnboardingStatusView start(TenantId tenant) {
        return OnboardingStatusView.of(transactions.inTransaction(() -> started(tenant)));
    }

    @Override
    public OnboardingStatusView status(TenantId tenant) {
        return OnboardingStatusView.of(detected(tenant));
    }

    @Override
    public OnboardingStatusView complete(TenantId tenant, String step) {
        OnboardingStep parsed = OnboardingStep.parse(step);
        detected(tenant);
        return OnboardingStatusView.of(transactions.inTransaction(() -> {
            OnboardingProgress p = started(tenant);
            if (p.complete(parsed, now())) progress.update(p);
            return p;
        }));
    }

    @Override
    public boolean isDone(TenantId tenant, String step) {
        OnboardingStep parsed = OnboardingStep.parse(step);
        return detected(tenant).isDone(parsed);
    }

    @Override
    public NextAction next(TenantId tenant) {
        OnboardingProgress p = detected(tenant);
        Optional<OnboardingStep> step = p.currentStep();
        if (step.isEmpty())
            return new NextAction(true, Optional.empty(), "Onboarding complete", "Everything is set up; you can use every feature",
                    Optional.empty(), "none");
        OnboardingStep s = step.get();
        String priority = switch (s) {
            case PHONE_SETUP, FIRST_SCENARIO_CREATED -> "high";
            case WELCOME_CALL_COMPLETED -> "medium";
            case CALENDAR_CONNECTED -> "low";
        };
        return new NextAction(false, Optional.of(s.wireName()), s.title(), s.description(), Optional.of(s.endpoint()), priority);
    }

    /** The evidence is read outside the transaction (other contexts' reads); only the changes are written in it. */
    private OnboardingProgress detected(TenantId tenant) {
        OnboardingProgress current = progress.find(tenant).orElseGet(() -> transactions.inTransaction(() -> started(tenant)));
        List<OnboardingStep> found = Arrays.stream(OnboardingStep.values())
                .filter(step -> !current.isDone(step) && evidenceOf(tenant, step)).toList();
        if (found.isEmpty()) return current;
        return transactions.inTransaction(() -> {
            OnboardingProgress p = started(tenant);
            boolean changed = false;
            for (OnboardingStep step : found) changed |= p.complete(step, now());
            if (changed) progress.update(p);
            return p;
        });
    }

    private boolean evidenceOf(TenantId tenant, OnboardingStep step) {
        return switch (step) {
            case PHONE_SETUP -> numbers.holdsNumber(tenant);
            case CALENDAR_CONNECTED -> calendars.isConnected(tenant);
            case FIRST_SCENARIO_CREATED -> scenarios.hasCustomScenario(tenant);
            case WELCOME_CALL_COMPLETED -> calls.hasCompletedCall(tenant);
        };
    }

    private OnboardingProgress started(TenantId tenant) {
        Optional<OnboardingProgress> existing = progress.find(tenant);
        if (existing.isPresent()) return existing.get();
        OnboardingProgress fresh = OnboardingProgress.start(tenant, now());
        if (progress.addIfAbsent(fresh)) return fresh;
        return progress.find(tenant).orElseThrow();
    }

    /** Times are kept to the microsecond, as the database stores them, so an answer and a later read agree. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
