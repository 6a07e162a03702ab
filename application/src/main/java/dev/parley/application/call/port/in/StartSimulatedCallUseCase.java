package dev.parley.application.call.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

/**
 * Starts a call with no carrier: the far end is the browser softphone or the command-line caller,
 * which opens the media stream with the carrier's protocol and presents the one-time token, as a
 * real call does after its TwiML.
 */
public interface StartSimulatedCallUseCase {
    /** Carrier SIDs of simulated calls start with this; no Twilio SID does (theirs start with CA). */
    String SID_PREFIX = "SIM";

    /** Whether a carrier SID names a simulated call. */
    static boolean isSimulated(String carrierSid) {
        return carrierSid != null && carrierSid.startsWith(SID_PREFIX);
    }

    /** @throws dev.parley.application.scenario.port.in.ScenarioNotFoundException for a scenario the tenant does not have */
    SimulatedCallTicket start(StartSimulatedCallCommand command);

    /** @param scenarioRef a built-in scenario's name or one of the tenant's custom scenario ids */
    record StartSimulatedCallCommand(TenantId tenant, String scenarioRef) {
    }

    /** What the simulated caller presents in its stream's start frame: the call, its carrier SID and the one-time token. */
    record SimulatedCallTicket(CallId call, String carrierSid, String token) {
    }
}
