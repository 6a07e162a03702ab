package dev.parley.application.call.port.out;

import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.shared.TenantId;

import java.util.List;

/** Appends and reads the lines said in calls. */
public interface CallMessageRepository {
    /** Appends a batch in one go. */
    void addAll(List<CallMessage> messages);

    /** The call's lines in the order they were said; empty for another tenant's call. */
    List<CallMessage> ofCall(TenantId tenant, CallId call);
}
