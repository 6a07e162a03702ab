package dev.parley.application.schedule.port.out;

import dev.parley.domain.schedule.CallingWindow;
import dev.parley.domain.shared.TenantId;

import java.util.Optional;

/** Stores each tenant's calling window; none stored means the default. */
public interface CallingWindowRepository {
    Optional<CallingWindow> find(TenantId tenant);

    void save(TenantId tenant, CallingWindow window);
}
