package dev.parley.application.call.port.in;

import dev.parley.domain.call.CallDirection;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

import java.util.Optional;

/** Lets a media stream attach to a call: once, with the call's one-time token. */
public interface RedeemStreamTokenUseCase {
    /** Empty for a wrong, expired or already used token, another call's carrier SID, or a call that is over. */
    Optional<RedeemedStream> redeem(CallId call, String token, String carrierSid);

    record RedeemedStream(CallId call, TenantId tenant, CallDirection direction, String scenarioRef, String carrierSid) {
    }
}
