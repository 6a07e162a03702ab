package dev.parley.application.usage.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.usage.CallUsage;

/** The ledger of one bridged call, as it stood when its media stream ended. */
public record MeasuredCall(CallId call, TenantId tenant, CallUsage usage) {
}
