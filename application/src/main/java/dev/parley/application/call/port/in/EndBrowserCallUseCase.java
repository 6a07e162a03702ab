package dev.parley.application.call.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

/** Completes the record of a browser call whose WebRTC call is over; a call that has ended already stays as it is. Blocks on the database. */
public interface EndBrowserCallUseCase {
    /**
     * @param reason why the call ended when it was not a plain hang-up (noted with the completion, in one step); null for none
     * @return true when the call moved to completed; false for another tenant's, unknown or already ended call
     */
    boolean end(TenantId tenant, CallId call, String reason);
}
