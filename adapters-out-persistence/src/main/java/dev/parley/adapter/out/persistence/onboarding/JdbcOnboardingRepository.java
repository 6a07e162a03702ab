package dev.parley.adapter.out.persistence.onboarding;

import dev.parley.adapter.out.persistence.shared.TenantRowLock;
import dev.parley.application.onboarding.port.out.OnboardingRepository;
import dev.parley.domain.onboarding.OnboardingProgress;
import dev.parley.domain.onboarding.OnboardingStep;
import dev.parley.domain.shared.TenantId;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Optional;

@Singleton
class JdbcOnboardingRepository implements OnboardingRepository {
    private final OnboardingProgressRows rows;
    private final TenantRowLock lock;

    JdbcOnboardingRepository(OnboardingProgressRows rows, TenantRowLock lock) {
        this.rows = rows;
        this.lock = lock;
    }

    @Override
    public Optional<OnboardingProgress> find(TenantId tenant) {
        return rows.findById(tenant.value()).map(JdbcOnboardingRepository::toDomain);
    }

    /** Locks the tenant first, so two concurrent starts insert one row and neither fails on the key. */
    @Override
    public boolean addIfAbsent(OnboardingProgress progress) {
        lock.lock(progress.tenant().value());
        if (rows.existsById(progress.tenant().value())) return false;
        rows.save(toRow(progress));
        return true;
    }

    @Override
    public void update(OnboardingProgress progress) {
        rows.update(toRow(progress));
    }

    private static OnboardingProgressRow toRow(OnboardingProgress p) {
        return new OnboardingProgressRow(p.tenant().value(), p.isDone(OnboardingStep.PHONE_SETUP),
                p.isDone(OnboardingStep.CALENDAR_CONNECTED), p.isDone(OnboardingStep.FIRST_SCENARIO_CREATED),
                p.isDone(OnboardingStep.WELCOME_CALL_COMPLETED), p.currentStep().map(OnboardingStep::wireName).orElse(null),
                p.startedAt(), p.completedAt().orElse(null));
    }

    private static OnboardingProgress toDomain(OnboardingProgressRow r) {
        EnumSet<OnboardingStep> done = EnumSet.noneOf(OnboardingStep.class);
        if (r.phoneNumberSetup()) done.add(OnboardingStep.PHONE_SETUP);
        if (r.calendarConnected()) done.add(OnboardingStep.CALENDAR_CONNECTED);
        if (r.firstScenarioCreated()) done.add(OnboardingStep.FIRST_SCENARIO_CREATED);
        if (r.welcomeCallCompleted()) done.add(OnboardingStep.WELCOME_CALL_COMPLETED);
        return OnboardingProgress.reconstitute(new TenantId(r.tenantId()), done, r.startedAt(), r.completedAt());
    }
}
