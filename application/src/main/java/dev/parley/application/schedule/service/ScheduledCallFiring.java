package dev.parley.application.schedule.service;

import dev.parley.application.call.port.in.CallNotPlacedException;
import dev.parley.application.call.port.in.PlaceOutboundCallUseCase;
import dev.parley.application.call.port.in.PlaceOutboundCallUseCase.PlaceOutboundCallCommand;
import dev.parley.application.schedule.port.in.FireScheduledCallUseCase;
import dev.parley.application.schedule.port.out.CallingWindowRepository;
import dev.parley.application.schedule.port.out.DialPace;
import dev.parley.application.schedule.port.out.ScheduledCallRepository;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.schedule.CallingWindow;
import dev.parley.domain.schedule.ScheduleStatus;
import dev.parley.domain.schedule.ScheduledCall;
import dev.parley.domain.schedule.ScheduledCallId;
import dev.parley.domain.shared.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fires a due schedule: waits for a turn of the shared dial pace, claims it ({@code placing},
 * committed) before anyone dials, then places it through {@link PlaceOutboundCallUseCase} like any call.
 * A schedule found {@code placing} was being dialled by an instance that died: it fails as
 * {@code interrupted} and is never dialled again.
 */
public final class ScheduledCallFiring implements FireScheduledCallUseCase {
    private final ScheduledCallRepository schedules;
    private final CallingWindowRepository windows;
    private final PlaceOutboundCallUseCase place;
    private final DialPace pace;
    private final Transactions transactions;
    private final Clock clock;
    private final SchedulePolicy policy;
    private final Instant startedAt;

    public ScheduledCallFiring(ScheduledCallRepository schedules, CallingWindowRepository windows, PlaceOutboundCallUseCase place,
                               DialPace pace, Transactions transactions, Clock clock, SchedulePolicy policy) {
        this.schedules = schedules;
        this.windows = windows;
        this.place = place;
        this.pace = pace;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = policy;
        this.startedAt = clock.instant();
    }

    private sealed interface Claim {
    }

    private record Claimed(ScheduledCall call) implements Claim {
    }

    private record Settled(Outcome outcome) implements Claim {
    }

    @Override
    public Outcome fire(ScheduledCallId id) {
        // a first look settles what needs no dialling, so no turn of the pace is spent on it
        Claim look = transactions.inTransaction(() -> claim(id, false));
        if (look instanceof Settled settled) return settled.outcome();
        // the turn is taken before the claim: an instance that dies while waiting leaves the schedule pending, not interrupted
        try {
            pace.awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Again(clock.instant());
        }
        Claim claim = transactions.inTransaction(() -> claim(id, true));
        if (claim instanceof Settled settled) return settled.outcome();
        ScheduledCall call = ((Claimed) claim).call();
        try {
            PlaceOutboundCallUseCase.PlacedCall placed = place.place(new PlaceOutboundCallCommand(call.tenant(), call.to(), call.scenarioRef()));
            settle(id, c -> c.placed(placed.call().value(), placed.carrierSid(), clock.instant()));
            return new Outcome.Done();
        } catch (CallNotPlacedException e) {
            if (e.retryable() && call.attempts() < policy.maxAttempts()) {
                CallingWindow window = windows.find(call.tenant()).orElse(CallingWindow.ALWAYS);
                Instant next = window.nextAllowed(clock.instant().plus(policy.backoffAfter(call.attempts())));
                settle(id, c -> c.retryAt(next, e.getMessage(), clock.instant()));
                return new Outcome.Again(next);
            }
            settle(id, c -> c.failed(e.getMessage(), null, clock.instant()));
            return new Outcome.Done();
        } catch (DomainException e) {
            settle(id, c -> c.failed(e.getMessage(), null, clock.instant()));
            return new Outcome.Done();
        } catch (RuntimeException e) {
            // we cannot tell whether the carrier took the call: never dial it blindly again
            settle(id, c -> c.failed("unexpected error: " + e.getClass().getSimpleName(), null, clock.instant()));
            return new Outcome.Done();
        }
    }

    /**
     * Under the row lock: settles a schedule that needs no dialling (gone, not pending, early,
     * missed, or found {@code placing}: interrupted); otherwise, with {@code take}, marks it
     * {@code placing}. Missed is judged at the first look only, not after a wait for the pace.
     */
    private Claim claim(ScheduledCallId id, boolean take) {
        Optional<ScheduledCall> found = schedules.findForUpdate(id);
        if (found.isEmpty()) return new Settled(new Outcome.Done());
        ScheduledCall call = found.get();
        Instant now = clock.instant();
        if (call.status() == ScheduleStatus.PLACING) {
            call.interrupted(now);
            schedules.update(call);
            return new Settled(new Outcome.Done());
        }
        if (call.status() != ScheduleStatus.SCHEDULED) return new Settled(new Outcome.Done());
        if (call.isEarly(now)) return new Settled(new Outcome.Again(call.dueAt()));
        // late past the grace, and due before this instance started: it came due while no instance ran
        if (!take && call.isLate(now, policy.grace()) && call.dueAt().isBefore(startedAt)) {
            call.missed(now);
            schedules.update(call);
            return new Settled(new Outcome.Done());
        }
        if (!take) return new Claimed(call);
        call.startPlacing(now);
        schedules.update(call);
        return new Claimed(call);
    }

    private void settle(ScheduledCallId id, Consumer<ScheduledCall> change) {
        transactions.run(() -> schedules.findForUpdate(id).filter(c -> c.status() == ScheduleStatus.PLACING).ifPresent(c -> {
            change.accept(c);
            schedules.update(c);
        }));
    }
}
