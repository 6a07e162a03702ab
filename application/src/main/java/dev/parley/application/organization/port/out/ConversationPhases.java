package dev.parley.application.organization.port.out;

import dev.parley.domain.call.CallId;
import dev.parley.domain.organization.ConversationPhase;

import java.util.Optional;

/**
 * The live conversation phase of each call, readable by every instance: in memory on one instance,
 * in Redis when several share it (seed 003's state service). The database keeps the phase for good.
 */
public interface ConversationPhases {
    void put(CallId call, ConversationPhase phase);

    Optional<ConversationPhase> get(CallId call);
}
