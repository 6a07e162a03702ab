package dev.parley.application.console;

import dev.parley.application.call.port.in.AcceptInboundCallUseCase.AcceptInboundCallCommand;
import dev.parley.application.call.port.in.AcceptInboundCallUseCase.InboundCallDecision;
import dev.parley.application.call.port.in.CallJournal;
import dev.parley.application.call.port.in.CallNotFoundException;
import dev.parley.application.call.port.in.RecordCallStatusUseCase.CallStatusReport;
import dev.parley.application.call.port.out.CallEvent;
import dev.parley.application.call.port.out.CallEvents;
import dev.parley.application.call.service.CallPolicy;
import dev.parley.application.call.service.CallStatusService;
import dev.parley.application.call.service.CallQueryService;
import dev.parley.application.call.service.InboundCallService;
import dev.parley.application.console.port.in.CallNotLiveException;
import dev.parley.application.console.port.in.ConsoleStatus;
import dev.parley.application.console.service.CallAnnouncements;
import dev.parley.application.console.service.ConsoleService;
import dev.parley.application.console.service.PublishingCallJournal;
import dev.parley.application.fakes.InMemoryCallMessageRepository;
import dev.parley.application.fakes.InMemoryCallRepository;
import dev.parley.application.fakes.InlineTransactions;
import dev.parley.application.fakes.MutableClock;
import dev.parley.application.fakes.RecordingCallControl;
import dev.parley.application.telephony.port.out.NumberRoute;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.call.Speaker;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleServicesTest {
    private static final TenantId ANN = new TenantId(1);
    private static final TenantId BOB = new TenantId(2);
    private static final PhoneNumber CUSTOMER = new PhoneNumber("+14155550100");
    private static final PhoneNumber OURS = new PhoneNumber("+14155550199");

    /** Records what is published; no delivery needed here. */
    static final class RecordingEvents implements CallEvents {
        final List<CallEvent> published = new CopyOnWriteArrayList<>();

        @Override
        public void publish(CallEvent event) {
            published.add(event);
        }

        @Override
        public Subscription subscribe(Consumer<CallEvent> listener) {
            return () -> { };
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final InMemoryCallRepository calls = new InMemoryCallRepository();
    private final InMemoryCallMessageRepository messages = new InMemoryCallMessageRepository();
    private final RecordingCallControl control = new RecordingCallControl();
    private final RecordingEvents events = new RecordingEvents();
    private final CallQueryService queries = new CallQueryService(calls, messages);
    private final ConsoleService console = new ConsoleService(queries, events, control, clock,
            (tenant, audio, language) -> audio.content().length > 44 ? "transcribed " + (audio.content().length - 44) / 2 + " samples" : "");
    private final CallAnnouncements announcements = new CallAnnouncements(queries, events, clock);

    private Call liveInboundCall(String sid) {
        var inbound = announcements.announcing(new InboundCallService(dialled -> new NumberRoute.Assigned(ANN, "default"), calls,
                new InlineTransactions(), clock, new CallPolicy(Duration.ofMinutes(10))));
        var decision = (InboundCallDecision.Accepted) inbound.accept(new AcceptInboundCallCommand(OURS, CUSTOMER, sid));
        var status = announcements.announcing(new CallStatusService(calls, new InlineTransactions()));
        status.record(new CallStatusReport(0, sid, "in-progress", -1, clock.instant()));
        return calls.find(ANN, decision.ticket().call()).orElseThrow();
    }

    @Test
    void anArrivingCallIsAnnouncedAsIncomingWithBothNumbersThenAnswered() {
        Call call = liveInboundCall("CA1");
        assertThat(events.published).containsExactly(
                new CallEvent.StatusChanged(ANN, Long.toString(call.id().value()), "incoming", CUSTOMER.e164(), OURS.e164(), clock.instant()),
                new CallEvent.StatusChanged(ANN, Long.toString(call.id().value()), "answered", "", "", clock.instant()));
    }

    @Test
    void aRepeatedCallbackIsNotAnnouncedTwice() {
        liveInboundCall("CA2");
        int before = events.published.size();
        announcements.announcing(new CallStatusService(calls, new InlineTransactions()))
                .record(new CallStatusReport(0, "CA2", "in-progress", -1, clock.instant()));
        assertThat(events.published).hasSize(before);
    }

    @Test
    void anAgentMessageIsStoredThenRoutedToTheCallsOwner() {
        Call call = liveInboundCall("CA3");
        events.published.clear();
        clock.advance(Duration.ofSeconds(7));

        console.speak(ANN, call.id(), "  Hello! How can I help?  ");

        assertThat(messages.ofCall(ANN, call.id())).singleElement().satisfies(line -> {
            assertThat(line.speaker()).isEqualTo(Speaker.AGENT);
            assertThat(line.text()).isEqualTo("Hello! How can I help?");
        });
        assertThat(events.published).containsExactly(
                new CallEvent.SpeakRequested(ANN, Long.toString(call.id().value()), "Hello! How can I help?", clock.instant()));
    }

    @Test
    void anotherTenantsCallIsNotFoundAndNothingIsStoredOrSent() {
        Call call = liveInboundCall("CA4");
        events.published.clear();
        assertThatThrownBy(() -> console.speak(BOB, call.id(), "hi")).isInstanceOf(CallNotFoundException.class);
        assertThatThrownBy(() -> console.handBack(BOB, call.id())).isInstanceOf(CallNotFoundException.class);
        assertThatThrownBy(() -> console.update(BOB, call.id(), ConsoleStatus.ENDED)).isInstanceOf(CallNotFoundException.class);
        assertThat(messages.ofCall(ANN, call.id())).isEmpty();
        assertThat(events.published).isEmpty();
        assertThat(control.hungUp).isEmpty();
    }

    @Test
    void anEndedCallTakesNoMessagesAndEmptyOrOverlongOnesAreRefused() {
        Call call = liveInboundCall("CA5");
        assertThatThrownBy(() -> console.speak(ANN, call.id(), " ")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> console.speak(ANN, call.id(), "x".repeat(4097))).isInstanceOf(InvalidValueException.class);
        new CallStatusService(calls, new InlineTransactions()).record(new CallStatusReport(0, "CA5", "completed", 30, clock.instant()));
        assertThatThrownBy(() -> console.speak(ANN, call.id(), "still there?")).isInstanceOf(CallNotLiveException.class);
    }

    @Test
    void endingFromTheConsoleHangsUpAtTheCarrierAndTellsTheOtherConsoles() {
        Call call = liveInboundCall("CA6");
        events.published.clear();
        console.update(ANN, call.id(), ConsoleStatus.ENDED);
        assertThat(control.hungUp).containsExactly("CA6");
        assertThat(events.published).singleElement().isInstanceOfSatisfying(CallEvent.StatusChanged.class,
                e -> assertThat(e.status()).isEqualTo("ended"));
        assertThatThrownBy(() -> console.update(ANN, call.id(), ConsoleStatus.INCOMING)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void journalledLinesReachTheConsolesAsTheyAreSaid() {
        List<CallMessage> stored = new CopyOnWriteArrayList<>();
        CallJournal journal = new CallJournal() {
            @Override
            public boolean said(CallMessage message) {
                return stored.add(message);
            }

            @Override
            public boolean ended(CallId call, String reason) {
                return true;
            }

            @Override
            public boolean measured(dev.parley.application.usage.port.in.MeasuredCall measured) {
                return true;
            }
        };
        PublishingCallJournal publishing = new PublishingCallJournal(journal, events, "en");
        CallId id = new CallId(9);
        publishing.said(new CallMessage(id, ANN, Speaker.CUSTOMER, "I need help with my account", 0.91, true, 100, 900, clock.instant()));
        publishing.said(new CallMessage(id, ANN, Speaker.AGENT, "Of course.", 1.0, true, 1000, 1500, clock.instant()));

        assertThat(stored).hasSize(2);
        assertThat(events.published).containsExactly(
                new CallEvent.CustomerSpoke(ANN, "9", "I need help with my account", true, 0.91, "en", clock.instant()),
                new CallEvent.AssistantSpoke(ANN, "9", "Of course.", clock.instant()));
    }

    @Test
    void consoleAudioIsTranscribedStoredAndToldToTheConsoles() {
        Call call = liveInboundCall("CA7");
        events.published.clear();
        String text = console.transcribe(ANN, call.id(), new byte[800], 8000, "auto");
        assertThat(text).isEqualTo("transcribed 800 samples");
        assertThat(messages.ofCall(ANN, call.id())).singleElement().satisfies(line -> assertThat(line.speaker()).isEqualTo(Speaker.CUSTOMER));
        assertThat(events.published).singleElement().isInstanceOfSatisfying(CallEvent.CustomerSpoke.class,
                e -> assertThat(e.text()).isEqualTo("transcribed 800 samples"));
        assertThatThrownBy(() -> console.transcribe(BOB, call.id(), new byte[800], 8000, "en")).isInstanceOf(CallNotFoundException.class);
        assertThatThrownBy(() -> console.transcribe(ANN, call.id(), new byte[0], 8000, "en")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> console.transcribe(ANN, call.id(), new byte[200_000], 8000, "en")).isInstanceOf(InvalidValueException.class);
    }
}
