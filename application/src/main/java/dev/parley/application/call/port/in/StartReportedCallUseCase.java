package dev.parley.application.call.port.in;

import dev.parley.domain.call.CallChannel;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;

/** Records a call the client runs itself (a browser session, or a phone call carried elsewhere), in progress from now. */
public interface StartReportedCallUseCase {
    /** @throws dev.parley.domain.shared.InvalidValueException a browser call with a phone number */
    CallId start(StartReportedCallCommand command);

    /** @param customerNumber the other party's number on a phone call; null when unknown (always on a browser call) */
    record StartReportedCallCommand(TenantId tenant, String scenarioRef, CallChannel channel, CallDirection direction,
                                    PhoneNumber customerNumber) {
    }
}
