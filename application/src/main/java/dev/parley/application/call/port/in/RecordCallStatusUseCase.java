package dev.parley.application.call.port.in;

import java.time.Instant;

/** Applies the carrier's lifecycle reports; repeated, late or out-of-order reports change nothing. */
public interface RecordCallStatusUseCase {
    /** True when the call moved; false for an unknown call, an unknown status or a report that would move it backwards. */
    boolean record(CallStatusReport report);

    /**
     * @param callId          our call id when the callback URL names it (outbound calls), 0 otherwise
     * @param durationSeconds the carrier's call duration, negative when it sent none
     */
    record CallStatusReport(long callId, String carrierSid, String status, long durationSeconds, Instant at) {
    }
}
