package dev.parley.application.fakes;

import dev.parley.application.onboarding.port.out.OnboardingRepository;
import dev.parley.domain.onboarding.OnboardingProgress;
import dev.parley.domain.shared.TenantId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryOnboardingRepository implements OnboardingRepository {
    private final Map<TenantId, OnboardingProgress> byTenant = new ConcurrentHashMap<>();

    @Override
    public Optional<OnboardingProgress> find(TenantId tenant) {
        return Optional.ofNullable(byTenant.get(tenant)).map(p -> OnboardingProgress.reconstitute(p.tenant(), p.doneSteps(),
                p.startedAt(), p.completedAt().orElse(null)));
    }

    @Override
    public boolean addIfAbsent(OnboardingProgress progress) {
        return byTenant.putIfAbsent(progress.tenant(), progress) == null;
    }

    @Override
    public void update(OnboardingProgress progress) {
        byTenant.put(progress.tenant(), progress);
    }
}
