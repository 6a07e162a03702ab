package dev.parley.application.calendar.port.in;

import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.List;

/** Whether the tenant's calendar is connected, with which scopes, since when. */
public interface CalendarStatusUseCase {
    CalendarStatusView status(TenantId tenant);

    /**
     * @param status {@code connected}, {@code needs_reconnect} or {@code not_connected}
     * @param connectedAt null when not connected
     */
    record CalendarStatusView(boolean connected, String status, List<String> scopes, Instant connectedAt) {
    }
}
