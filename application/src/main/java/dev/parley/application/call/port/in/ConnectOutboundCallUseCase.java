package dev.parley.application.call.port.in;

import dev.parley.application.call.port.in.AcceptInboundCallUseCase.StreamTicket;
import dev.parley.domain.call.CallId;

import java.util.Optional;

/** A placed call was answered and the carrier asks what to do: issue the ticket for its media stream. */
public interface ConnectOutboundCallUseCase {
    /** Empty when the call is unknown, not ours under that carrier SID, or already over. */
    Optional<StreamTicket> connect(CallId call, String carrierSid);
}
