package dev.parley.application.call.port.in;

import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.List;

/** The tenant's calls, newest first, and one call with what was said in it. */
public interface ListCallsUseCase {
    Page<CallView> list(TenantId tenant, PageRequest page);

    /** The tenant's calls that ran {@code scenarioRef} (a scenario, or an organization's {@code org:<id>}), newest first. */
    Page<CallView> list(TenantId tenant, String scenarioRef, PageRequest page);

    /** @throws CallNotFoundException for an unknown or another tenant's call */
    CallDetails get(TenantId tenant, CallId call);

    record CallDetails(CallView call, List<MessageView> messages) {
    }

    record MessageView(String senderType, String content, double confidence, boolean isFinal, long startMs, long endMs,
                       Instant createdAt) {
    }
}
