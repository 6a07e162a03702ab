package dev.parley.application.call;

import dev.parley.application.call.port.in.AcceptInboundCallUseCase.AcceptInboundCallCommand;
import dev.parley.application.call.port.in.AcceptInboundCallUseCase.InboundCallDecision;
import dev.parley.application.call.port.in.CallNotPlacedException;
import dev.parley.application.call.port.in.PlaceOutboundCallUseCase.PlaceOutboundCallCommand;
import dev.parley.application.call.port.in.RecordCallStatusUseCase.CallStatusReport;
import dev.parley.application.scenario.port.in.ScenarioNotFoundException;
import dev.parley.application.call.service.BatchingCallJournal;
import dev.parley.application.call.service.CallPolicy;
import dev.parley.application.call.service.CallQueryService;
import dev.parley.application.call.service.CallStatusService;
import dev.parley.application.call.service.InboundCallService;
import dev.parley.application.call.service.PlaceOutboundCallService;
import dev.parley.application.fakes.InMemoryCallMessageRepository;
import dev.parley.application.fakes.InMemoryCallRepository;
import dev.parley.application.fakes.InlineTransactions;
import dev.parley.application.fakes.MutableClock;
import dev.parley.application.fakes.RecordingCallControl;
import dev.parley.application.scenario.port.in.CallScenario;
import dev.parley.application.shared.PublicUrl;
import dev.parley.application.telephony.port.out.NumberRoute;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.call.CallStatus;
import dev.parley.domain.call.Speaker;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallServicesTest {
    private static final TenantId ANN = new TenantId(1);
    private static final TenantId BOB = new TenantId(2);
    private static final PhoneNumber CUSTOMER = new PhoneNumber("+14155550100");
    private static final PhoneNumber OURS = new PhoneNumber("+14155550199");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final InMemoryCallRepository calls = new InMemoryCallRepository();
    private final InMemoryCallMessageRepository messages = new InMemoryCallMessageRepository();
    private final RecordingCallControl control = new RecordingCallControl();
    private final InlineTransactions tx = new InlineTransactions();
    private final PlaceOutboundCallService place = new PlaceOutboundCallService(
            (tenant, ref) -> ref.equals("sales") ? Optional.of(new CallScenario("sales", "Sales", "Sell.", "alloy", 0.8, false)) : Optional.empty(),
            tenant -> OURS, calls, control, tx, new PublicUrl("https://parley.example.com"), clock);
    private NumberRoute route = new NumberRoute.Assigned(ANN, "default");
    private final InboundCallService inbound = new InboundCallService(dialled -> route, calls, tx, clock, new CallPolicy(Duration.ofMinutes(10)));
    private final CallStatusService status = new CallStatusService(calls, tx);
    private final CallQueryService query = new CallQueryService(calls, messages);

    @Test
    void anOutboundCallIsStoredThenDialledWithOurUrls() {
        var placed = place.place(new PlaceOutboundCallCommand(ANN, CUSTOMER, "sales"));
        var request = control.dialled.getFirst();
        assertThat(request.to()).isEqualTo(CUSTOMER);
        assertThat(request.from()).isEqualTo(OURS);
        assertThat(request.instructionsUrl()).isEqualTo("https://parley.example.com/outbound-call/" + placed.call().value());
        assertThat(request.statusCallbackUrl()).isEqualTo("https://parley.example.com/call-status/" + placed.call().value());
        assertThat(request.recordingCallbackUrl()).isEqualTo("https://parley.example.com/recording-callback");
        var call = calls.only();
        assertThat(call.status()).isEqualTo(CallStatus.QUEUED);
        assertThat(call.carrierSid()).contains(placed.carrierSid());
        assertThat(query.byCarrierSid(placed.carrierSid())).get().extracting(s -> s.direction()).isEqualTo("outbound");
        assertThat(query.byCarrierSid(BOB, placed.carrierSid())).isEmpty();
    }

    @Test
    void anUnknownScenarioPlacesNothing() {
        assertThatThrownBy(() -> place.place(new PlaceOutboundCallCommand(ANN, CUSTOMER, "nope"))).isInstanceOf(ScenarioNotFoundException.class);
        assertThat(control.dialled).isEmpty();
    }

    @Test
    void aCallTheCarrierRefusesIsRecordedAsFailed() {
        control.failing = true;
        assertThatThrownBy(() -> place.place(new PlaceOutboundCallCommand(ANN, CUSTOMER, "sales"))).isInstanceOf(CallNotPlacedException.class);
        assertThat(calls.only().status()).isEqualTo(CallStatus.FAILED);
        assertThat(calls.only().endReason()).contains("carrier-refused");
    }

    @Test
    void statusReportsMoveTheCallForwardOnlyWhateverTheirOrder() {
        var placed = place.place(new PlaceOutboundCallCommand(ANN, CUSTOMER, "sales"));
        Instant t = clock.instant();
        String sid = placed.carrierSid();
        assertThat(status.record(new CallStatusReport(0, sid, "in-progress", -1, t.plusSeconds(5)))).isTrue();
        assertThat(status.record(new CallStatusReport(0, sid, "ringing", -1, t.plusSeconds(2)))).isFalse();
        assertThat(status.record(new CallStatusReport(0, sid, "completed", 42, t.plusSeconds(47)))).isTrue();
        assertThat(status.record(new CallStatusReport(0, sid, "completed", 42, t.plusSeconds(48)))).isFalse();
        assertThat(status.record(new CallStatusReport(0, sid, "gibberish", -1, t))).isFalse();
        assertThat(status.record(new CallStatusReport(0, "CAunknown", "completed", 1, t))).isFalse();
        var view = query.get(ANN, placed.call()).call();
        assertThat(view.status()).isEqualTo("completed");
        assertThat(view.durationSeconds()).isEqualTo(42);
        assertThat(view.answeredAt()).isEqualTo(t.plusSeconds(5));
    }

    @Test
    void anInboundCallIsRoutedAndItsStreamTokenWorksOnce() {
        var decision = inbound.accept(new AcceptInboundCallCommand(OURS, CUSTOMER, "CAinbound1"));
        assertThat(decision).isInstanceOf(InboundCallDecision.Accepted.class);
        var ticket = ((InboundCallDecision.Accepted) decision).ticket();
        assertThat(calls.only().status()).isEqualTo(CallStatus.RINGING);
        assertThat(calls.only().tenant()).isEqualTo(ANN);
        assertThat(calls.only().streamTokenHash()).get().isNotEqualTo(ticket.token());

        assertThat(inbound.redeem(ticket.call(), "wrong", "CAinbound1")).isEmpty();
        assertThat(inbound.redeem(ticket.call(), ticket.token(), "CAother")).isEmpty();
        var redeemed = inbound.redeem(ticket.call(), ticket.token(), "CAinbound1").orElseThrow();
        assertThat(redeemed.tenant()).isEqualTo(ANN);
        assertThat(redeemed.scenarioRef()).isEqualTo("default");
        assertThat(inbound.redeem(ticket.call(), ticket.token(), "CAinbound1")).as("reused").isEmpty();
    }

    @Test
    void anExpiredTokenIsRefused() {
        var ticket = ((InboundCallDecision.Accepted) inbound.accept(new AcceptInboundCallCommand(OURS, CUSTOMER, "CAinbound2"))).ticket();
        clock.advance(Duration.ofMinutes(11));
        assertThat(inbound.redeem(ticket.call(), ticket.token(), "CAinbound2")).isEmpty();
    }

    @Test
    void aRetriedWebhookKeepsOneCallAndAnUnassignedNumberIsRefused() {
        inbound.accept(new AcceptInboundCallCommand(OURS, CUSTOMER, "CAinbound3"));
        inbound.accept(new AcceptInboundCallCommand(OURS, CUSTOMER, "CAinbound3"));
        assertThat(calls.list(ANN, new dev.parley.application.shared.PageRequest(0, 10)).total()).isEqualTo(1);
        route = new NumberRoute.Unassigned();
        assertThat(inbound.accept(new AcceptInboundCallCommand(OURS, CUSTOMER, "CAinbound4"))).isInstanceOf(InboundCallDecision.Rejected.class);
    }

    @Test
    void anAnsweredOutboundCallGetsATicketOnlyForItsOwnSid() {
        var placed = place.place(new PlaceOutboundCallCommand(ANN, CUSTOMER, "sales"));
        assertThat(inbound.connect(placed.call(), "CAsomeoneelse")).isEmpty();
        var ticket = inbound.connect(placed.call(), placed.carrierSid()).orElseThrow();
        assertThat(inbound.redeem(placed.call(), ticket.token(), placed.carrierSid())).isPresent();
        assertThat(inbound.connect(new CallId(999), placed.carrierSid())).isEmpty();
    }

    @Test
    void theJournalWritesLinesInBatchesAndDrainsOnClose() {
        var placed = place.place(new PlaceOutboundCallCommand(ANN, CUSTOMER, "sales"));
        BatchingCallJournal journal = new BatchingCallJournal(messages, calls, tx, 100, 50);
        for (int i = 0; i < 30; i++)
            journal.said(new CallMessage(placed.call(), ANN, i % 2 == 0 ? Speaker.AGENT : Speaker.CUSTOMER, "line " + i, 1, true, i, i + 1, clock.instant()));
        journal.ended(placed.call(), "model-unreachable");
        journal.close();
        assertThat(messages.stored).hasSize(30);
        assertThat(messages.batchSizes.size()).isLessThan(30);
        assertThat(calls.only().endReason()).contains("model-unreachable");
        assertThat(query.transcript(ANN, placed.carrierSid())).hasSize(30).first()
                .satisfies(l -> assertThat(l.speaker()).isEqualTo("agent"));
        assertThat(query.transcript(BOB, placed.carrierSid())).isEmpty();
        assertThat(journal.said(new CallMessage(placed.call(), ANN, Speaker.AGENT, "late", 1, true, 0, 0, clock.instant()))).isFalse();
    }
}
