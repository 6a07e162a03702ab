package dev.parley.application.schedule.port.in;

import dev.parley.domain.schedule.CallingWindow;
import dev.parley.domain.shared.TenantId;

/** The tenant's calling window (default: every day, all day, UTC). */
public interface CallingWindowUseCase {
    CallingWindow get(TenantId tenant);

    CallingWindow set(TenantId tenant, CallingWindow window);
}
