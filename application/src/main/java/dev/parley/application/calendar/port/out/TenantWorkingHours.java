package dev.parley.application.calendar.port.out;

import dev.parley.domain.calendar.WorkingHours;
import dev.parley.domain.shared.TenantId;

/** When the tenant takes meetings (from their calling window where they set one, else 09:00-17:00 on weekdays). */
public interface TenantWorkingHours {
    WorkingHours of(TenantId tenant);
}
