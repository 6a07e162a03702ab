package dev.parley.application.call.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.call.CallStatus;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.Optional;

/** What the live console needs of a call: where it stands, and the lines a person adds to it. Blocks on the database. */
public interface FollowLiveCallUseCase {
    /** The tenant's own call; another tenant's is empty. */
    Optional<LiveCallState> find(TenantId tenant, CallId call);

    /** For carrier events, which name the call by its SID and no tenant. */
    Optional<LiveCallState> findByCarrierSid(String carrierSid);

    /** Stores a line said by someone other than the assistant (an agent at a console, a transcribed customer) at once, before it is spoken or shown. */
    void addLine(CallMessage line);

    /**
     * @param carrierSid null until the carrier has the call
     * @param answeredAt null until the call is answered
     */
    record LiveCallState(CallId id, TenantId tenant, CallStatus status, String carrierSid, Instant answeredAt,
                         PhoneNumber customerNumber, PhoneNumber organizationNumber) {
        /** The call can still be spoken into: not over, and known to the carrier. */
        public boolean isLive() {
            return !status.isFinal() && carrierSid != null;
        }
    }
}
