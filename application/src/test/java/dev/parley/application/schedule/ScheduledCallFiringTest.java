package dev.parley.application.schedule;

import dev.parley.application.call.port.in.CallNotPlacedException;
import dev.parley.application.call.port.in.PlaceOutboundCallUseCase;
import dev.parley.application.fakes.InlineTransactions;
import dev.parley.application.fakes.MutableClock;
import dev.parley.application.schedule.port.in.FireScheduledCallUseCase.Outcome;
import dev.parley.application.schedule.port.out.CallingWindowRepository;
import dev.parley.application.schedule.port.out.ScheduledCallRepository;
import dev.parley.application.schedule.service.SchedulePolicy;
import dev.parley.application.schedule.service.ScheduledCallFiring;
import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.domain.call.CallId;
import dev.parley.domain.schedule.CallingWindow;
import dev.parley.domain.schedule.ScheduleStatus;
import dev.parley.domain.schedule.ScheduledCall;
import dev.parley.domain.schedule.ScheduledCallId;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Firing schedules with a controllable clock: once only, interrupted, missed after the grace, retried inside the window. */
class ScheduledCallFiringTest {
    private static final Instant T0 = Instant.parse("2026-12-21T15:00:00Z");
    private static final TenantId TENANT = new TenantId(7);
    private final MutableClock clock = new MutableClock(T0);
    private final Schedules schedules = new Schedules();
    private final Map<TenantId, CallingWindow> windows = new HashMap<>();
    private final List<PlaceOutboundCallUseCase.PlaceOutboundCallCommand> dialled = new ArrayList<>();
    private Supplier<RuntimeException> carrier = () -> null;
    private final AtomicLong calls = new AtomicLong();

    private ScheduledCallFiring firing() {
        PlaceOutboundCallUseCase place = command -> {
            dialled.add(command);
            RuntimeException refusal = carrier.get();
            if (refusal != null) throw refusal;
            return new PlaceOutboundCallUseCase.PlacedCall(new CallId(calls.incrementAndGet()), "CA" + calls.get());
        };
        CallingWindowRepository windowRepository = new CallingWindowRepository() {
            @Override
            public Optional<CallingWindow> find(TenantId tenant) {
                return Optional.ofNullable(windows.get(tenant));
            }

            @Override
            public void save(TenantId tenant, CallingWindow window) {
                windows.put(tenant, window);
            }
        };
        return new ScheduledCallFiring(schedules, windowRepository, place, () -> { }, new InlineTransactions(), clock,
                new SchedulePolicy(Duration.ofMinutes(15), 3, Duration.ofSeconds(30)));
    }

    private ScheduledCall due(Instant at) {
        ScheduledCall call = ScheduledCall.schedule(schedules.nextId(), TENANT, new PhoneNumber("+15055550100"), "sales", at,
                CallingWindow.ALWAYS, at);
        schedules.add(call);
        return call;
    }

    @Test
    void aDueScheduleIsPlacedOnceEvenIfItsTimerGoesOffTwice() {
        ScheduledCall call = due(T0);
        ScheduledCallFiring firing = firing();
        assertThat(firing.fire(call.id())).isInstanceOf(Outcome.Done.class);
        assertThat(firing.fire(call.id())).isInstanceOf(Outcome.Done.class);
        assertThat(dialled).hasSize(1);
        assertThat(call.status()).isEqualTo(ScheduleStatus.PLACED);
        assertThat(call.callSid()).contains("CA1");
    }

    @Test
    void aScheduleFoundPlacingIsFailedAsInterruptedAndNotDialledAgain() {
        ScheduledCall call = due(T0);
        call.startPlacing(T0);
        assertThat(firing().fire(call.id())).isInstanceOf(Outcome.Done.class);
        assertThat(call.status()).isEqualTo(ScheduleStatus.FAILED);
        assertThat(call.lastError()).contains("interrupted");
        assertThat(dialled).isEmpty();
    }

    @Test
    void aScheduleThatCameDueWhileNoInstanceRanIsPlacedWithinTheGraceAndMissedAfterIt() {
        ScheduledCall recent = due(T0.minus(Duration.ofMinutes(10)));
        ScheduledCall old = due(T0.minus(Duration.ofMinutes(20)));
        ScheduledCallFiring firing = firing();   // the instance starts at T0
        firing.fire(recent.id());
        firing.fire(old.id());
        assertThat(recent.status()).isEqualTo(ScheduleStatus.PLACED);
        assertThat(old.status()).isEqualTo(ScheduleStatus.MISSED);
        assertThat(dialled).hasSize(1);
    }

    @Test
    void aBacklogBehindThePaceOfARunningInstanceIsNotMissed() {
        ScheduledCallFiring firing = firing();   // running since T0
        ScheduledCall call = due(T0.plusSeconds(60));
        clock.advance(Duration.ofMinutes(30));
        firing.fire(call.id());
        assertThat(call.status()).isEqualTo(ScheduleStatus.PLACED);
    }

    @Test
    void aTimerThatGoesOffBeforeAMovedTimeIsSetAgain() {
        ScheduledCall call = due(T0.plusSeconds(600));
        assertThat(firing().fire(call.id())).isEqualTo(new Outcome.Again(T0.plusSeconds(600)));
        assertThat(call.status()).isEqualTo(ScheduleStatus.SCHEDULED);
        assertThat(dialled).isEmpty();
    }

    @Test
    void passingCarrierFailuresAreRetriedWithBackoffInsideTheCallingWindowUpToTheLastAttempt() {
        // 15:00 UTC is 10:00 New York; the window closes at 10:00:45, so the second retry waits for the next day
        windows.put(TENANT, CallingWindow.parse("America/New_York", "09:00", "10:00", null));
        ScheduledCall call = due(T0.minusSeconds(30));
        carrier = () -> new CallNotPlacedException("The call could not be placed: Service unavailable", true);
        ScheduledCallFiring firing = firing();

        Outcome first = firing.fire(call.id());
        assertThat(first).isEqualTo(new Outcome.Again(Instant.parse("2026-12-22T14:00:00Z")));
        assertThat(call.status()).isEqualTo(ScheduleStatus.SCHEDULED);
        assertThat(call.lastError()).contains("The call could not be placed: Service unavailable");

        clock.advance(Duration.ofHours(23));
        Outcome second = firing.fire(call.id());
        assertThat(second).isEqualTo(new Outcome.Again(Instant.parse("2026-12-22T14:01:00Z")));
        clock.advance(Duration.ofMinutes(1));
        assertThat(firing.fire(call.id())).isInstanceOf(Outcome.Done.class);
        assertThat(call.status()).isEqualTo(ScheduleStatus.FAILED);
        assertThat(call.attempts()).isEqualTo(3);
        assertThat(dialled).hasSize(3);
    }

    @Test
    void aRefusalFailsAtOnceWithTheCarriersMessage() {
        ScheduledCall call = due(T0);
        carrier = () -> new CallNotPlacedException("The call could not be placed: The 'To' number is not a valid phone number.", false);
        assertThat(firing().fire(call.id())).isInstanceOf(Outcome.Done.class);
        assertThat(call.status()).isEqualTo(ScheduleStatus.FAILED);
        assertThat(call.lastError().orElseThrow()).contains("not a valid phone number");
        assertThat(dialled).hasSize(1);
    }

    /** Keeps the aggregates themselves: what the firing changes is what a later read sees. */
    static final class Schedules implements ScheduledCallRepository {
        private final Map<ScheduledCallId, ScheduledCall> byId = new HashMap<>();
        private long next;

        @Override
        public ScheduledCallId nextId() {
            return new ScheduledCallId(++next);
        }

        @Override
        public void add(ScheduledCall call) {
            byId.put(call.id(), call);
        }

        @Override
        public void update(ScheduledCall call) {
            byId.put(call.id(), call);
        }

        @Override
        public Optional<ScheduledCall> find(TenantId tenant, ScheduledCallId id) {
            return Optional.ofNullable(byId.get(id)).filter(c -> c.tenant().equals(tenant));
        }

        @Override
        public Optional<ScheduledCall> findForUpdate(ScheduledCallId id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Page<ScheduledCall> list(TenantId tenant, ScheduleStatus status, PageRequest page) {
            List<ScheduledCall> all = byId.values().stream().filter(c -> c.tenant().equals(tenant)).toList();
            return new Page<>(all, page.offset(), page.limit(), all.size());
        }
    }
}
