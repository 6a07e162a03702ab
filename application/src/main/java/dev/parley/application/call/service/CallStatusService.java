package dev.parley.application.call.service;

import dev.parley.application.call.port.in.RecordCallStatusUseCase;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallStatus;

import java.util.Optional;

/** Moves calls through their lifecycle as the carrier reports it, under a row lock so racing reports serialise. */
public final class CallStatusService implements RecordCallStatusUseCase {
    private final CallRepository calls;
    private final Transactions transactions;

    public CallStatusService(CallRepository calls, Transactions transactions) {
        this.calls = calls;
        this.transactions = transactions;
    }

    @Override
    public boolean record(CallStatusReport report) {
        Optional<CallStatus> status = CallStatus.fromWire(report.status());
        if (status.isEmpty() || report.carrierSid() == null || report.carrierSid().isBlank()) return false;
        return transactions.inTransaction(() -> {
            Optional<Call> found = report.callId() > 0
                    ? calls.findForUpdate(new CallId(report.callId()))
                        .filter(c -> c.carrierSid().map(report.carrierSid()::equals).orElse(true))
                    : calls.findByCarrierSidForUpdate(report.carrierSid());
            if (found.isEmpty()) return false;
            Call call = found.get();
            boolean attached = false;
            if (call.carrierSid().isEmpty()) {
                call.dialled(report.carrierSid());
                attached = true;
            }
            boolean moved = call.recordStatus(status.get(), report.at(), report.durationSeconds());
            if (moved || attached) calls.update(call);
            return moved;
        });
    }
}
