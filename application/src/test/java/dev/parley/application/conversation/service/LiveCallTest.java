package dev.parley.application.conversation.service;

import dev.parley.application.call.port.in.CallJournal;
import dev.parley.application.usage.port.in.MeasuredCall;
import dev.parley.domain.usage.TokenUsage;
import dev.parley.domain.usage.TurnLatency;
import dev.parley.application.call.port.in.RedeemStreamTokenUseCase.RedeemedStream;
import dev.parley.application.call.port.out.CallControl;
import dev.parley.application.conversation.port.in.MediaStreamHandler;
import dev.parley.application.conversation.port.in.OpenLiveCallUseCase.OpenLiveCallCommand;
import dev.parley.application.conversation.port.out.CallTool;
import dev.parley.application.conversation.port.out.CarrierStream;
import dev.parley.application.conversation.port.out.ToolContext;
import dev.parley.application.conversation.port.out.ToolResult;
import dev.parley.application.conversation.port.out.ConversationBrief;
import dev.parley.application.conversation.port.out.ConversationListener;
import dev.parley.application.conversation.port.out.ConversationSession;
import dev.parley.application.fakes.MutableClock;
import dev.parley.application.fakes.RecordingCallControl;
import dev.parley.application.scenario.port.in.CallScenario;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.call.Speaker;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

class LiveCallTest {
    private static final TenantId ANN = new TenantId(1);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final RecordingCallControl control = new RecordingCallControl();
    private final List<String> carrierOut = new ArrayList<>();
    private final List<String> modelOut = new ArrayList<>();
    private final List<CallMessage> lines = new ArrayList<>();
    private final List<String> endReasons = new ArrayList<>();
    private final List<MeasuredCall> ledgers = new ArrayList<>();
    private ConversationListener listener;
    private ConversationBrief brief;
    private final LiveCalls registry = new LiveCalls();
    private Optional<RedeemedStream> redeemed = Optional.of(new RedeemedStream(new CallId(5), ANN, CallDirection.OUTBOUND, "sales", "CA5"));
    private Optional<CallScenario> scenario = Optional.of(new CallScenario("sales", "Sales", "Sell politely.", "coral", 0.7, false));
    private PhoneNumber transferNumber = new PhoneNumber("+14155550111");
    private List<CallTool> extraTools = List.of();
    private Executor blocking = Runnable::run;

    private final CarrierStream carrier = new CarrierStream() {
        public void sendAudio(String p) { carrierOut.add("media:" + p); }
        public void sendMark(String n) { carrierOut.add("mark:" + n); }
        public void clear() { carrierOut.add("clear"); }
        public void close() { carrierOut.add("close"); }
    };

    private final CallJournal journal = new CallJournal() {
        public boolean said(CallMessage m) { lines.add(m); return true; }
        public boolean ended(CallId c, String reason) { endReasons.add(reason); return true; }
        public boolean measured(MeasuredCall m) { ledgers.add(m); return true; }
    };

    private MediaStreamHandler open() {
        OpenLiveCallService service = new OpenLiveCallService((id, token, sid) -> token.equals("good") ? redeemed : Optional.empty(),
                (tenant, ref) -> scenario, (b, l, affinity) -> {
                    brief = b;
                    listener = l;
                    return new ConversationSession() {
                        public void appendAudio(String p) { modelOut.add("append:" + p); }
                        public void truncate(String item, long ms) { modelOut.add("truncate:" + item + ":" + ms); }
                        public void toolResult(String callId, String out, boolean respond) { modelOut.add("tool:" + callId + ":" + out + ":" + respond); }
                        public void respond() { modelOut.add("respond"); }
                        public void hold(boolean held) { modelOut.add("hold:" + held); }
                        public void close() { modelOut.add("close"); }
                    };
                }, journal, control, blocking, policy(), clock, registry, new CallTools(policy(), extraTools));
        return service.open(new OpenLiveCallCommand("5", "good", "CA5", "MZ1"), carrier).orElseThrow();
    }

    private ConversationPolicy policy() {
        return new ConversationPolicy(transferNumber, "Sorry, we have a technical problem.", "Transferring you now.");
    }

    private static String audio(int bytes) {
        return Base64.getEncoder().encodeToString(new byte[bytes]);
    }

    @Test
    void anOutboundCallGreetsAndPassesAudioThroughUntouched() {
        MediaStreamHandler call = open();
        assertThat(brief.instructions()).isEqualTo("Sell politely.");
        assertThat(brief.voice()).isEqualTo("coral");
        assertThat(brief.tools()).extracting(ConversationBrief.Tool::name).containsExactly("end_call", "transfer_to_human");
        assertThat(modelOut).containsExactly("respond");
        call.callerAudio("AAEC/w==", 20);
        listener.assistantAudio("item_1", "//79/A==");
        assertThat(modelOut).contains("append:AAEC/w==");
        assertThat(carrierOut).containsExactly("media://79/A==");
        listener.responseDone();
        assertThat(carrierOut).as("a response's audio ends with a mark").containsExactly("media://79/A==", "mark:a1");
        assertThat(registry.stats().active()).isEqualTo(1);
    }

    @Test
    void theLedgerMeasuresEachTurnFromTheCallersEndOfSpeechToTheFirstAudioSentAndSumsTokens() {
        MediaStreamHandler call = open();
        clock.advance(Duration.ofMillis(700));
        listener.assistantAudio("item_g", audio(160));                     // the greeting: first audio 700 ms into the stream
        listener.responseUsage(new TokenUsage(300, 0, 0, 0, 20, 150));
        listener.responseDone();
        call.markPlayed("a1");                                             // the greeting was heard in full
        listener.callerSpeechStarted("item_u1", 1000);
        clock.advance(Duration.ofSeconds(2));
        listener.callerSpeechStopped("item_u1", 3000);
        clock.advance(Duration.ofMillis(450));
        listener.assistantAudio("item_a1", audio(160));                    // answers in 450 ms
        listener.assistantAudio("item_a1", audio(160));
        listener.assistantAudio("item_a1", audio(160));
        listener.callerSpeechStarted("item_u2", 4000);                     // barges in: the answer is cut
        clock.advance(Duration.ofSeconds(1));
        listener.callerSpeechStopped("item_u2", 5000);
        clock.advance(Duration.ofMillis(900));
        listener.assistantAudio("item_a2", audio(160));                    // answers in 900 ms
        listener.responseUsage(new TokenUsage(500, 80, 280, 40, 30, 250));
        listener.responseDone();
        assertThat(ledgers).as("nothing is written while the call goes on").isEmpty();

        call.carrierStopped();
        assertThat(ledgers).hasSize(1);
        MeasuredCall measured = ledgers.getFirst();
        assertThat(measured.call()).isEqualTo(new CallId(5));
        assertThat(measured.tenant()).isEqualTo(ANN);
        assertThat(measured.usage().latency()).isEqualTo(new TurnLatency(2, 450, 900, 700));
        assertThat(measured.usage().bargeIns()).isEqualTo(1);
        assertThat(measured.usage().tokens()).isEqualTo(new TokenUsage(800, 80, 280, 40, 50, 400));
        assertThat(registry.framesOut()).isEqualTo(5);
        assertThat(registry.bargeIns()).isEqualTo(1);
    }

    @Test
    void anInboundCallGreetsOnlyWhenItsScenarioSaysSo() {
        redeemed = Optional.of(new RedeemedStream(new CallId(6), ANN, CallDirection.INBOUND, "default", "CA6"));
        open();
        assertThat(modelOut).isEmpty();
        scenario = Optional.of(new CallScenario("default", "Default", "Greet.", "alloy", 0.8, true));
        open();
        assertThat(modelOut).containsExactly("respond");
    }

    @Test
    void aCallerInterruptingTruncatesAtWhatWasPlayedAndClearsTheCarrier() {
        MediaStreamHandler call = open();
        listener.assistantAudio("item_1", audio(800));   // 100 ms
        listener.assistantAudio("item_1", audio(800));   // 200 ms
        listener.assistantAudio("item_1", audio(800));   // 300 ms
        call.markPlayed("a2");                             // 200 ms heard
        listener.callerSpeechStarted("item_u1", 900);
        assertThat(modelOut).contains("truncate:item_1:200");
        assertThat(carrierOut).endsWith("clear");
        // speaking again when nothing is playing truncates nothing
        modelOut.clear();
        call.markPlayed("a3");
        listener.callerSpeechStarted("item_u2", 2000);
        assertThat(modelOut).isEmpty();
    }

    @Test
    void marksFollowEveryHundredMillisecondsOfAudioAndBargeInTruncatesAtTheLastPlayedOne() {
        MediaStreamHandler call = open();
        for (int i = 0; i < 12; i++) listener.assistantAudio("item_1", audio(160));   // 12 x 20 ms
        assertThat(carrierOut.stream().filter(s -> s.startsWith("mark:"))).containsExactly("mark:a1", "mark:a2");
        call.markPlayed("a1");                                                       // 100 ms heard, 140 ms unmarked or queued
        listener.callerSpeechStarted("item_u1", 500);
        assertThat(modelOut).contains("truncate:item_1:100");
        assertThat(carrierOut).endsWith("clear");
    }

    @Test
    void transcriptLinesCarrySpeakerAndOffsets() {
        MediaStreamHandler call = open();
        clock.advance(Duration.ofSeconds(2));
        listener.callerSpeechStarted("item_u1", 1500);
        listener.callerSpeechStopped("item_u1", 2600);
        listener.callerTranscript("item_u1", "I'd like to book a table.", 0.93);
        listener.assistantAudio("item_a1", audio(160));
        clock.advance(Duration.ofSeconds(3));
        listener.assistantTranscript("item_a1", "Certainly, for when?");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).speaker()).isEqualTo(Speaker.CUSTOMER);
        assertThat(lines.get(0).startMs()).isEqualTo(1500);
        assertThat(lines.get(0).endMs()).isEqualTo(2600);
        assertThat(lines.get(0).confidence()).isEqualTo(0.93);
        assertThat(lines.get(1).speaker()).isEqualTo(Speaker.AGENT);
        assertThat(lines.get(1).startMs()).isEqualTo(2000);
        assertThat(lines.get(1).endMs()).isEqualTo(5000);
    }

    @Test
    void endCallHangsUpOnlyAfterTheGoodbyeHasPlayed() {
        MediaStreamHandler call = open();
        listener.assistantAudio("item_1", audio(160));
        listener.toolCall("call_1", "end_call", "{\"reason\":\"done\"}");
        listener.responseDone();
        assertThat(modelOut).anyMatch(s -> s.startsWith("tool:call_1:") && s.endsWith(":false"));
        assertThat(control.hungUp).isEmpty();
        call.markPlayed("a1");
        assertThat(control.hungUp).isEmpty();
        call.markPlayed("t2");
        assertThat(control.hungUp).containsExactly("CA5");
        call.carrierStopped();
        assertThat(endReasons).containsExactly("ended-by-assistant");
        assertThat(modelOut).endsWith("close");
        assertThat(registry.stats().active()).isZero();
    }

    @Test
    void transferRedirectsToTheConfiguredNumber() {
        MediaStreamHandler call = open();
        listener.toolCall("call_2", "transfer_to_human", "{}");
        listener.responseDone();
        call.markPlayed("t1");
        assertThat(control.redirects).singleElement().isInstanceOfSatisfying(CallControl.CallInstructions.Transfer.class,
                t -> assertThat(t.to()).isEqualTo(transferNumber));
    }

    @Test
    void withoutATransferNumberOrForAnUnknownToolTheModelGetsAnErrorAndTheCallGoesOn() {
        transferNumber = null;
        MediaStreamHandler call = open();
        listener.toolCall("call_3", "transfer_to_human", "{}");
        listener.toolCall("call_4", "launch_rockets\"", "{}");
        listener.responseDone();
        assertThat(modelOut).anyMatch(s -> s.startsWith("tool:call_3:{\"ok\":false") && s.endsWith(":true"));
        assertThat(modelOut).anyMatch(s -> s.contains("Unknown tool: launch_rockets\\\"") && s.endsWith(":true"));
        call.callerAudio("AAAA", 40);
        assertThat(modelOut).contains("append:AAAA");
        assertThat(control.redirects).isEmpty();
    }

    @Test
    void aModelFailureApologisesEndsTheCallAndSaysWhy() {
        open();
        listener.closed("unreachable", true);
        assertThat(control.redirects).singleElement().isInstanceOfSatisfying(CallControl.CallInstructions.SayAndHangUp.class,
                s -> assertThat(s.text()).contains("Sorry"));
        assertThat(carrierOut).endsWith("close");
        assertThat(endReasons).containsExactly("model-unreachable");
        assertThat(registry.stats().modelFailures()).isEqualTo(1);
        assertThat(registry.stats().active()).isZero();
    }

    @Test
    void theCallerHangingUpClosesTheModelAtOnce() {
        MediaStreamHandler call = open();
        call.carrierStopped();
        assertThat(modelOut).endsWith("close");
        assertThat(endReasons).isEmpty();
        call.callerAudio("AAAA", 60);
        assertThat(modelOut).doesNotContain("append:AAAA");
    }

    @Test
    void aBadTokenOpensNothing() {
        OpenLiveCallService service = new OpenLiveCallService((id, token, sid) -> Optional.empty(), (t, r) -> scenario,
                (b, l, affinity) -> { throw new AssertionError("no model session for a bad token"); }, journal, control, Runnable::run,
                new ConversationPolicy(null, "Sorry", "Transferring"), clock, registry);
        assertThat(service.open(new OpenLiveCallCommand("5", "bad", "CA5", "MZ"), carrier)).isEmpty();
        assertThat(service.open(new OpenLiveCallCommand("not-a-number", "good", "CA5", "MZ"), carrier)).isEmpty();
        assertThat(service.open(new OpenLiveCallCommand(null, null, null, null), carrier)).isEmpty();
    }

    @Test
    void theScenariosTransferNumberWinsOverTheGlobalOne() {
        PhoneNumber desk = new PhoneNumber("+14155550199");
        scenario = Optional.of(new CallScenario("sales", "Sales", "Sell politely.", "coral", 0.7, false, desk));
        MediaStreamHandler call = open();
        listener.toolCall("call_2", "transfer_to_human", "{}");
        listener.responseDone();
        call.markPlayed("t1");
        assertThat(control.redirects).singleElement().isInstanceOfSatisfying(CallControl.CallInstructions.Transfer.class,
                t -> assertThat(t.to()).isEqualTo(desk));
        call.carrierStopped();
        assertThat(endReasons).containsExactly("transferred");
    }

    @Test
    void aToolThatBlocksRunsOnTheBlockingExecutorAndItsResultArrivesLater() {
        List<Runnable> queued = new ArrayList<>();
        blocking = queued::add;
        List<String> seen = new ArrayList<>();
        extraTools = List.of(tool("book_table", true, (ctx, args) -> {
            seen.add(ctx.call() + ":" + ctx.scenarioRef() + ":" + args);
            return ToolResult.done("Booked for \"two\".");
        }));
        open();
        assertThat(brief.tools()).extracting(ConversationBrief.Tool::name).containsExactly("end_call", "transfer_to_human", "book_table");
        listener.toolCall("call_7", "book_table", "{\"people\":2}");
        listener.responseDone();
        assertThat(seen).as("the call's thread is not held").isEmpty();
        assertThat(modelOut).noneMatch(s -> s.startsWith("tool:"));
        queued.forEach(Runnable::run);
        assertThat(seen).containsExactly("5:sales:{\"people\":2}");
        assertThat(modelOut).contains("tool:call_7:{\"ok\":true,\"result\":\"Booked for \\\"two\\\".\"}:true");
    }

    @Test
    void aToolThatThrowsBecomesAnErrorResultAndTheCallGoesOn() {
        extraTools = List.of(tool("crash", false, (ctx, args) -> { throw new IllegalStateException("boom"); }));
        MediaStreamHandler call = open();
        listener.toolCall("call_8", "crash", "{}");
        listener.responseDone();
        assertThat(modelOut).anyMatch(s -> s.startsWith("tool:call_8:{\"ok\":false,\"error\":\"The crash tool failed") && s.endsWith(":true"));
        call.callerAudio("AAAA", 40);
        assertThat(modelOut).contains("append:AAAA");
        assertThat(registry.stats().active()).isEqualTo(1);
    }

    @Test
    void aHumanTakingOverHoldsTheAssistantAndCutsItLikeABargeIn() {
        MediaStreamHandler call = open();
        LiveCall live = registry.find(new CallId(5)).orElseThrow();
        listener.assistantAudio("item_1", audio(800));
        call.markPlayed("a1");
        listener.assistantAudio("item_1", audio(160));     // not yet marked: still queued at the carrier
        carrierOut.clear();
        assertThat(live.humanSpeaks(List.of("AQID"))).isTrue();
        assertThat(modelOut).containsSubsequence("hold:true", "truncate:item_1:100");
        assertThat(carrierOut).containsExactly("clear", "media:AQID", "mark:h2");
        listener.assistantAudio("item_2", audio(160));
        assertThat(carrierOut).as("the held assistant's audio is dropped").hasSize(3);
        live.handBack();
        assertThat(modelOut).endsWith("hold:false");
        call.carrierStopped();
        assertThat(live.humanSpeaks(List.of("AQID"))).isFalse();
    }

    private static CallTool tool(String name, boolean blocks, java.util.function.BiFunction<ToolContext, String, ToolResult> run) {
        return new CallTool() {
            public String name() { return name; }
            public String description() { return "A test tool."; }
            public String parametersJsonSchema() { return "{\"type\":\"object\"}"; }
            public boolean blocks() { return blocks; }
            public ToolResult run(ToolContext call, String argumentsJson) { return run.apply(call, argumentsJson); }
        };
    }

    @Test
    void base64LengthsAreComputedWithoutDecoding() {
        assertThat(LiveCall.decodedLength(audio(160))).isEqualTo(160);
        assertThat(LiveCall.decodedLength(audio(161))).isEqualTo(161);
        assertThat(LiveCall.decodedLength(audio(162))).isEqualTo(162);
    }
}
