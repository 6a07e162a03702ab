package dev.parley.application.conversation.port.out;

import dev.parley.domain.call.CallDirection;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

/** The call a tool runs for. */
public record ToolContext(CallId call, TenantId tenant, CallDirection direction, String scenarioRef) {
}
