package dev.parley.application.console.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

/**
 * A console reports a call state (seed 002 {@code update_call_status}). {@code ended} hangs the
 * call up at the carrier; {@code answered} and {@code in_progress} are shown to the tenant's other
 * consoles. The call record itself follows the carrier's signed reports only.
 */
public interface UpdateCallFromConsoleUseCase {
    /**
     * @throws dev.parley.application.call.port.in.CallNotFoundException for an unknown or another tenant's call
     * @throws dev.parley.domain.shared.InvalidValueException for {@code incoming} (only the carrier says a call arrives)
     */
    void update(TenantId tenant, CallId call, ConsoleStatus status);
}
