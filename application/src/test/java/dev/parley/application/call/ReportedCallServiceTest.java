package dev.parley.application.call;

import dev.parley.application.call.port.in.CallNotFoundException;
import dev.parley.application.call.port.in.EndReportedCallUseCase.EndReportedCallCommand;
import dev.parley.application.call.port.in.EndReportedCallUseCase.ReportedLine;
import dev.parley.application.call.port.in.StartReportedCallUseCase.StartReportedCallCommand;
import dev.parley.application.call.service.ReportedCallService;
import dev.parley.application.fakes.InMemoryCallMessageRepository;
import dev.parley.application.fakes.InMemoryCallRepository;
import dev.parley.application.fakes.InlineTransactions;
import dev.parley.application.fakes.MutableClock;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallChannel;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.call.CallStatus;
import dev.parley.domain.call.NotAClientCallException;
import dev.parley.domain.call.Speaker;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportedCallServiceTest {
    private static final TenantId ANN = new TenantId(1);
    private static final TenantId BOB = new TenantId(2);
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryCallRepository calls = new InMemoryCallRepository();
    private final InMemoryCallMessageRepository messages = new InMemoryCallMessageRepository();
    private final ReportedCallService service = new ReportedCallService(calls, messages, new InlineTransactions(), clock);

    private CallId browserCall() {
        return service.start(new StartReportedCallCommand(ANN, "org:3", CallChannel.BROWSER, CallDirection.INBOUND, null));
    }

    @Test
    void theClientsLinesBecomeMessagesInOrderWithOffsetsKeptInsideTheCall() {
        CallId id = browserCall();
        clock.advance(Duration.ofSeconds(30));
        boolean ended = service.end(new EndReportedCallCommand(ANN, id, List.of(
                new ReportedLine(Speaker.AGENT, "Hello", T0.minusSeconds(5)),            // before the call: its start
                new ReportedLine(Speaker.CUSTOMER, "Hi", T0.plusSeconds(4)),
                new ReportedLine(Speaker.AGENT, "How can I help?", null),                // no time: the line before's
                new ReportedLine(Speaker.CUSTOMER, "Bye", T0.plusSeconds(3600)))));     // after now: now
        assertThat(ended).isTrue();
        List<CallMessage> lines = messages.ofCall(ANN, id);
        assertThat(lines).extracting(CallMessage::text).containsExactly("Hello", "Hi", "How can I help?", "Bye");
        assertThat(lines).extracting(CallMessage::startMs).containsExactly(0L, 4_000L, 4_000L, 30_000L);
        assertThat(lines).extracting(CallMessage::endMs).containsExactly(4_000L, 4_000L, 30_000L, 30_000L);
        assertThat(lines).extracting(CallMessage::speaker).containsExactly(Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT, Speaker.CUSTOMER);
        Call call = calls.find(ANN, id).orElseThrow();
        assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(call.durationSeconds()).isEqualTo(30);
        assertThat(call.channel()).isEqualTo(CallChannel.BROWSER);
    }

    @Test
    void endingAgainStoresNothingAndAnotherTenantsCallIsNotFound() {
        CallId id = browserCall();
        assertThatThrownBy(() -> service.end(new EndReportedCallCommand(BOB, id, List.of(new ReportedLine(Speaker.CUSTOMER, "x", null)))))
                .isInstanceOf(CallNotFoundException.class);
        assertThat(service.end(new EndReportedCallCommand(ANN, id, List.of(new ReportedLine(Speaker.CUSTOMER, "one", null))))).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(service.end(new EndReportedCallCommand(ANN, id, List.of(new ReportedLine(Speaker.CUSTOMER, "two", null))))).isFalse();
        assertThat(messages.ofCall(ANN, id)).extracting(CallMessage::text).containsExactly("one");
        assertThat(calls.find(ANN, id).orElseThrow().endedAt()).contains(T0);
    }

    @Test
    void aCallPlacedThroughTheCarrierIsNotTheClientsToEnd() {
        Call placed = Call.placeOutbound(calls.nextId(), ANN, new PhoneNumber("+14155550100"), new PhoneNumber("+14155550199"), "sales", T0);
        placed.dialled("CA1");
        calls.add(placed);
        assertThatThrownBy(() -> service.end(new EndReportedCallCommand(ANN, placed.id(), List.of())))
                .isInstanceOf(NotAClientCallException.class);
        assertThat(messages.stored).isEmpty();

        CallId phone = service.start(new StartReportedCallCommand(ANN, "org:3", CallChannel.PHONE, CallDirection.OUTBOUND,
                new PhoneNumber("+14155550100")));
        assertThat(calls.find(ANN, phone).orElseThrow().customerNumber()).isEqualTo(new PhoneNumber("+14155550100"));
        assertThat(service.end(new EndReportedCallCommand(ANN, phone, List.of()))).isTrue();
    }
}
