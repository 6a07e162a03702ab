package dev.parley.application.call.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.call.Speaker;
import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.List;

/**
 * The client that ran a call reports its end with what was said: the lines become the call's messages and the call is
 * completed, in one transaction with the call locked. Repeated reports change nothing. Joins a transaction under way.
 */
public interface EndReportedCallUseCase {
    /**
     * @return true when this report ended the call; false when it had ended before (nothing was stored)
     * @throws CallNotFoundException for an unknown or another tenant's call
     * @throws dev.parley.domain.call.NotAClientCallException for a call the carrier carries
     */
    boolean end(EndReportedCallCommand command);

    record EndReportedCallCommand(TenantId tenant, CallId call, List<ReportedLine> lines) {
        public EndReportedCallCommand {
            lines = List.copyOf(lines);
        }
    }

    /** One line said in the call; {@code at} when it was said, null when the client did not say. */
    record ReportedLine(Speaker speaker, String text, Instant at) {
    }
}
