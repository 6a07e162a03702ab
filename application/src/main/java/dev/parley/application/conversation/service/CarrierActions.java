package dev.parley.application.conversation.service;

import dev.parley.application.call.port.out.CallControl;
import dev.parley.application.call.port.out.CallControl.CallInstructions;
import dev.parley.application.conversation.port.out.CarrierStream;
import dev.parley.domain.conversation.FollowUp;

import java.util.concurrent.Executor;

/**
 * What a live call asks of the carrier beyond its stream: hang up, transfer, apologise. Each blocks on
 * the network, so it runs on the blocking executor; when the carrier cannot be told, the stream is
 * closed, which ends the call.
 */
final class CarrierActions {
    private final String carrierSid;
    private final CallControl control;
    private final CarrierStream carrier;
    private final Executor blocking;
    private final ConversationPolicy policy;

    CarrierActions(String carrierSid, CallControl control, CarrierStream carrier, Executor blocking, ConversationPolicy policy) {
        this.carrierSid = carrierSid;
        this.control = control;
        this.carrier = carrier;
        this.blocking = blocking;
        this.policy = policy;
    }

    /** Carries out a follow-up that came due. */
    void follow(FollowUp followUp) {
        switch (followUp) {
            case FollowUp.HangUp hangUp -> orClose(() -> control.hangUp(carrierSid));
            case FollowUp.Transfer transfer -> {
                var instructions = new CallInstructions.Transfer(policy.transferAnnouncement(), transfer.to());
                orClose(() -> control.redirect(carrierSid, instructions));
            }
        }
    }

    /** The caller hears the apology and the call ends; the stream is closed either way. */
    void apologiseAndClose() {
        blocking.execute(() -> {
            try {
                if (!carrierSid.isBlank()) control.redirect(carrierSid, new CallInstructions.SayAndHangUp(policy.apology()));
            } catch (RuntimeException e) {
                // the carrier could not be told; closing the stream ends the call without the apology
            } finally {
                carrier.close();
            }
        });
    }

    /** Why a call that left by {@code followUp} ended. */
    static String endReason(FollowUp followUp) {
        return switch (followUp) {
            case FollowUp.HangUp hangUp -> "ended-by-assistant";
            case FollowUp.Transfer transfer -> "transferred";
        };
    }

    private void orClose(Runnable request) {
        blocking.execute(() -> {
            try {
                request.run();
            } catch (RuntimeException e) {
                carrier.close();
            }
        });
    }
}
