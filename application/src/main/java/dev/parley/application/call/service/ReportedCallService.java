package dev.parley.application.call.service;

import dev.parley.application.call.port.in.CallNotFoundException;
import dev.parley.application.call.port.in.EndBrowserCallUseCase;
import dev.parley.application.call.port.in.EndReportedCallUseCase;
import dev.parley.application.call.port.in.StartBrowserCallUseCase;
import dev.parley.application.call.port.in.StartReportedCallUseCase;
import dev.parley.application.call.port.out.CallMessageRepository;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallChannel;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallStatus;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.shared.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of calls this server does not carry: a browser session's call, and calls a client runs itself and
 * reports (seed 003 {@code /api/call/start} and {@code /api/call/end}). A browser call the server runs over the sideband
 * is completed by the sideband's end ({@link #end(TenantId, CallId, String)}).
 */
public final class ReportedCallService implements StartBrowserCallUseCase, StartReportedCallUseCase, EndReportedCallUseCase,
        EndBrowserCallUseCase {
    private final CallRepository calls;
    private final CallMessageRepository messages;
    private final Transactions transactions;
    private final Clock clock;

    public ReportedCallService(CallRepository calls, CallMessageRepository messages, Transactions transactions, Clock clock) {
        this.calls = calls;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Times are kept to the microsecond, as the database stores them, so an answer and a later read agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public CallId start(TenantId tenant, String scenarioRef) {
        return start(new StartReportedCallCommand(tenant, scenarioRef, CallChannel.BROWSER, CallDirection.INBOUND, null));
    }

    @Override
    public CallId start(StartReportedCallCommand c) {
        Call call = Call.startReported(calls.nextId(), c.tenant(), c.channel(), c.direction(), c.customerNumber(), c.scenarioRef(),
                now());
        calls.add(call);
        return call.id();
    }

    @Override
    public boolean end(EndReportedCallCommand c) {
        return transactions.inTransaction(() -> {
            Call call = calls.findForUpdate(c.call()).filter(found -> found.tenant().equals(c.tenant()))
                    .orElseThrow(CallNotFoundException::new);
            Instant now = now();
            if (!call.endReported(now)) return false;
            messages.addAll(lines(call, c.lines(), now));
            calls.update(call);
            return true;
        });
    }

    @Override
    public boolean end(TenantId tenant, CallId id, String reason) {
        return transactions.inTransaction(() -> calls.findForUpdate(id)
                .filter(c -> c.tenant().equals(tenant) && c.channel() == CallChannel.BROWSER)
                .map(call -> {
                    if (call.isEnded()) return false;
                    call.noteEndReason(reason);
                    boolean moved = call.recordStatus(CallStatus.COMPLETED, now(), -1);
                    if (moved) calls.update(call);
                    return moved;
                }).orElse(false));
    }

    /**
     * The client's lines as call messages, in the order given: each at its time (kept within the call, from its start
     * until now; a line without one at the time of the line before), lasting until the next line starts.
     */
    private static List<CallMessage> lines(Call call, List<ReportedLine> lines, Instant now) {
        Instant start = call.answeredAt().orElse(call.createdAt());
        List<Instant> times = new ArrayList<>(lines.size());
        Instant previous = start;
        for (ReportedLine line : lines) {
            Instant at = line.at() == null ? previous : line.at().isBefore(start) ? start : line.at().isAfter(now) ? now : line.at();
            times.add(at);
            previous = at;
        }
        List<CallMessage> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            ReportedLine line = lines.get(i);
            long startMs = Duration.between(start, times.get(i)).toMillis();
            long endMs = i + 1 < lines.size() ? Duration.between(start, times.get(i + 1)).toMillis() : startMs;
            out.add(new CallMessage(call.id(), call.tenant(), line.speaker(), line.text(), 1.0, true, startMs, endMs,
                    times.get(i).truncatedTo(ChronoUnit.MICROS)));
        }
        return out;
    }
}
