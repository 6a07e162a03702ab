package dev.parley.domain.onboarding;

import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How far a tenant got with the set-up. Steps only ever complete (progress is never lost, so the
 * wizard is resumable); {@code completedAt} is set once, when the last step completes.
 */
public final class OnboardingProgress {
    private final TenantId tenant;
    private final EnumSet<OnboardingStep> done;
    private final Instant startedAt;
    private Instant completedAt;

    private OnboardingProgress(TenantId tenant, Set<OnboardingStep> done, Instant startedAt, Instant completedAt) {
        this.tenant = Objects.requireNonNull(tenant);
        this.done = done.isEmpty() ? EnumSet.noneOf(OnboardingStep.class) : EnumSet.copyOf(done);
        this.startedAt = Objects.requireNonNull(startedAt);
        this.completedAt = completedAt;
    }

    public static OnboardingProgress start(TenantId tenant, Instant now) {
        return new OnboardingProgress(tenant, Set.of(), now, null);
    }

    /** Rebuilds stored progress. For persistence adapters only; checks no rules. */
    public static OnboardingProgress reconstitute(TenantId tenant, Set<OnboardingStep> done, Instant startedAt, Instant completedAt) {
        return new OnboardingProgress(tenant, done, startedAt, completedAt);
    }

    /** Marks a step done; answers whether anything changed. Completing a done step is harmless. */
    public boolean complete(OnboardingStep step, Instant now) {
        if (!done.add(step)) return false;
        if (completedAt == null && done.size() == OnboardingStep.values().length) completedAt = now;
        return true;
    }

    public boolean isDone(OnboardingStep step) {
        return done.contains(step);
    }

    public boolean isComplete() {
        return completedAt != null;
    }

    /** The first step not yet done, in wizard order; empty when everything is done. */
    public Optional<OnboardingStep> currentStep() {
        return Arrays.stream(OnboardingStep.values()).filter(s -> !done.contains(s)).findFirst();
    }

    public Set<OnboardingStep> doneSteps() {
        return done.isEmpty() ? Set.of() : EnumSet.copyOf(done);
    }

    public TenantId tenant() {
        return tenant;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }
}
