package dev.parley.application.conversation.port.in;

import dev.parley.application.conversation.port.out.CarrierStream;

import java.util.Optional;

/** A carrier media stream arrives: redeem its one-time token and connect it to the conversation model. */
public interface OpenLiveCallUseCase {
    /**
     * Blocks on the database (token redemption): call it off the event loop. Empty when the stream
     * may not attach; the caller then closes it (no model session was opened).
     */
    Optional<MediaStreamHandler> open(OpenLiveCallCommand command, CarrierStream carrier);

    /** What the stream's start frame carried: our call id and token as custom parameters, and the carrier's ids. */
    record OpenLiveCallCommand(String callId, String token, String carrierSid, String streamSid) {
    }
}
