package dev.parley.application.schedule.service;

import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.application.schedule.port.in.CallingWindowUseCase;
import dev.parley.application.schedule.port.in.CancelScheduledCallUseCase;
import dev.parley.application.schedule.port.in.GetScheduledCallUseCase;
import dev.parley.application.schedule.port.in.ListScheduledCallsUseCase;
import dev.parley.application.schedule.port.in.MoveScheduledCallUseCase;
import dev.parley.application.schedule.port.in.ScheduleCallUseCase;
import dev.parley.application.schedule.port.in.ScheduledCallNotFoundException;
import dev.parley.application.schedule.port.in.ScheduledCallView;
import dev.parley.application.schedule.port.out.CallTimer;
import dev.parley.application.schedule.port.out.CallingWindowRepository;
import dev.parley.application.schedule.port.out.ScheduledCallRepository;
import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.schedule.CallingWindow;
import dev.parley.domain.schedule.ScheduleStatus;
import dev.parley.domain.schedule.ScheduledCall;
import dev.parley.domain.schedule.ScheduledCallId;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.TenantId;

import java.time.Clock;
import java.time.Instant;

/** The tenant's side of scheduled calls: book, list, move, cancel, and the calling window they must fit in. */
public final class ScheduledCallService implements ScheduleCallUseCase, ListScheduledCallsUseCase, GetScheduledCallUseCase,
        MoveScheduledCallUseCase, CancelScheduledCallUseCase, CallingWindowUseCase {
    private final ScheduledCallRepository schedules;
    private final CallingWindowRepository windows;
    private final FindCallScenarioUseCase scenarios;
    private final CallTimer timer;
    private final Transactions transactions;
    private final Clock clock;

    public ScheduledCallService(ScheduledCallRepository schedules, CallingWindowRepository windows, FindCallScenarioUseCase scenarios,
                                CallTimer timer, Transactions transactions, Clock clock) {
        this.schedules = schedules;
        this.windows = windows;
        this.scenarios = scenarios;
        this.timer = timer;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public ScheduledCallView schedule(ScheduleCallCommand command) {
        String scenario = command.scenarioRef() == null ? "" : command.scenarioRef().strip();
        if (scenario.isEmpty() || scenarios.find(command.tenant(), scenario).isEmpty())
            throw new InvalidValueException("scenario", "schedule.scenario.unknown",
                    "Unknown scenario: use a built-in scenario name or one of your custom scenario ids");
        Instant now = clock.instant();
        ScheduledCall call = ScheduledCall.schedule(schedules.nextId(), command.tenant(), command.to(), scenario, command.at(),
                get(command.tenant()), now);
        transactions.run(() -> schedules.add(call));
        timer.set(call.id(), call.dueAt());
        return ScheduledCallView.of(call);
    }

    @Override
    public Page<ScheduledCallView> list(TenantId tenant, ScheduleStatus status, PageRequest page) {
        return schedules.list(tenant, status, page).map(ScheduledCallView::of);
    }

    @Override
    public ScheduledCallView get(TenantId tenant, ScheduledCallId id) {
        return schedules.find(tenant, id).map(ScheduledCallView::of).orElseThrow(ScheduledCallNotFoundException::new);
    }

    @Override
    public ScheduledCallView move(TenantId tenant, ScheduledCallId id, Instant at) {
        CallingWindow window = get(tenant);
        ScheduledCall moved = transactions.inTransaction(() -> {
            ScheduledCall call = owned(tenant, id);
            call.moveTo(at, window, clock.instant());
            schedules.update(call);
            return call;
        });
        timer.set(moved.id(), moved.dueAt());
        return ScheduledCallView.of(moved);
    }

    @Override
    public ScheduledCallView cancel(TenantId tenant, ScheduledCallId id) {
        ScheduledCall canceled = transactions.inTransaction(() -> {
            ScheduledCall call = owned(tenant, id);
            call.cancel(clock.instant());
            schedules.update(call);
            return call;
        });
        timer.clear(canceled.id());
        return ScheduledCallView.of(canceled);
    }

    /** Locked for the transaction, and the tenant's own. */
    private ScheduledCall owned(TenantId tenant, ScheduledCallId id) {
        return schedules.findForUpdate(id).filter(c -> c.tenant().equals(tenant)).orElseThrow(ScheduledCallNotFoundException::new);
    }

    @Override
    public CallingWindow get(TenantId tenant) {
        return windows.find(tenant).orElse(CallingWindow.ALWAYS);
    }

    @Override
    public CallingWindow set(TenantId tenant, CallingWindow window) {
        transactions.run(() -> windows.save(tenant, window));
        return window;
    }
}
