package dev.parley.application.call.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.PhoneNumber;

/** Accepts a call the carrier has just delivered to one of our numbers, or refuses it politely. */
public interface AcceptInboundCallUseCase {
    InboundCallDecision accept(AcceptInboundCallCommand command);

    record AcceptInboundCallCommand(PhoneNumber dialled, PhoneNumber caller, String carrierSid) {
    }

    sealed interface InboundCallDecision {
        /** Connect the media stream, presenting {@code ticket}. */
        record Accepted(StreamTicket ticket) implements InboundCallDecision {
        }

        /** Nobody owns the number, or its owner's monthly budget is used up: the caller hears a polite refusal. */
        record Rejected(RejectReason reason) implements InboundCallDecision {
            public Rejected() {
                this(RejectReason.NOT_IN_SERVICE);
            }
        }

        enum RejectReason { NOT_IN_SERVICE, OVER_BUDGET }
    }

    /** What a media stream must present to attach to {@code call}: the one-time {@code token}. */
    record StreamTicket(CallId call, String token) {
    }
}
