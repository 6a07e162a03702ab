package dev.parley.application.conversation.service;

import dev.parley.application.call.port.in.CallJournal;
import dev.parley.application.conversation.port.in.OpenBrowserCallUseCase.BrowserCallCommand;
import dev.parley.application.conversation.port.out.CallTool;
import dev.parley.application.conversation.port.out.ConversationBrief;
import dev.parley.application.conversation.port.out.ConversationListener;
import dev.parley.application.conversation.port.out.ConversationSession;
import dev.parley.application.conversation.port.out.ConversationSideband;
import dev.parley.application.conversation.port.out.ToolContext;
import dev.parley.application.conversation.port.out.ToolResult;
import dev.parley.application.fakes.MutableClock;
import dev.parley.application.scenario.port.in.CallScenario;
import dev.parley.application.usage.port.in.MeasuredCall;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.call.Speaker;
import dev.parley.domain.conversation.FollowUp;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.usage.TokenUsage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's side of a browser call, with in-memory stand-ins for the sideband, the journal and the call record. */
class BrowserCallTest {
    private static final TenantId ANN = new TenantId(1);
    private static final CallId CALL = new CallId(9);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final List<String> sent = new ArrayList<>();
    private final List<String> vendor = new ArrayList<>();
    private final List<CallMessage> lines = new ArrayList<>();
    private final List<String> endReasons = new ArrayList<>();
    private final List<MeasuredCall> ledgers = new ArrayList<>();
    private final List<CallId> completed = new ArrayList<>();
    private final List<Runnable> later = new ArrayList<>();
    private Optional<CallScenario> scenario = Optional.of(new CallScenario("sales", "Sales", "Sell politely.", "coral", 0.7, false));
    private List<CallTool> extraTools = List.of();
    private ConversationListener listener;
    private List<ConversationBrief.Tool> toldTools;
    /** Blocking work waits here until the test runs it, so it can be seen not to have happened yet. */
    private final Executor blocking = work -> {
        synchronized (later) {
            later.add(work);
        }
    };

    private final ConversationSideband sideband = new ConversationSideband() {
        @Override
        public ConversationSession attach(String vendorCallId, List<ConversationBrief.Tool> tools, ConversationListener l) {
            vendor.add("attach:" + vendorCallId);
            toldTools = tools;
            listener = l;
            return new ConversationSession() {
                public void appendAudio(String p) { sent.add("append"); }
                public void truncate(String item, long ms) { sent.add("truncate"); }
                public void toolResult(String callId, String out, boolean respond) { sent.add("tool:" + callId + ":" + out + ":" + respond); }
                public void respond() { sent.add("respond"); }
                public void hold(boolean held) { sent.add("hold"); }
                public void close() { sent.add("close"); }
            };
        }

        @Override
        public void hangUp(String vendorCallId) {
            vendor.add("hangup:" + vendorCallId);
        }
    };

    private final CallJournal journal = new CallJournal() {
        public boolean said(CallMessage m) { lines.add(m); return true; }
        public boolean ended(CallId c, String reason) { throw new AssertionError("a browser call notes its end reason when it completes"); }
        public boolean measured(MeasuredCall m) { ledgers.add(m); return true; }
    };

    private void open() {
        open(BrowserCall.GOODBYE_LIMIT);
    }

    private void open(java.time.Duration goodbyeLimit) {
        ConversationPolicy policy = new ConversationPolicy(new PhoneNumber("+14155550111"), "Sorry.", "Transferring.");
        new OpenBrowserCallService((tenant, ref) -> scenario, sideband, journal, (tenant, call, reason) -> {
                    completed.add(call);
                    if (reason != null) endReasons.add(reason);
                    return true;
                }, blocking, clock,
                new LiveCalls(), new CallTools(policy, extraTools), null, goodbyeLimit)
                .open(new BrowserCallCommand(CALL, ANN, "sales", "rtc_1"));
    }

    private void runBlockingWork() {
        while (!later.isEmpty()) later.removeFirst().run();
    }

    @Test
    void theSidebandIsToldTheToolsABrowserCallRunsAndTheLinesAreJournalled() {
        open();
        assertThat(vendor).containsExactly("attach:rtc_1");
        assertThat(toldTools).extracting(ConversationBrief.Tool::name).as("no phone line to transfer to").containsExactly("end_call");
        listener.callerSpeechStarted("item_u1", 1200);
        listener.callerSpeechStopped("item_u1", 2900);
        listener.callerTranscript("item_u1", "Hello there", 0.9);
        listener.assistantTranscript("item_a1", "Hi! How can I help?");
        listener.assistantAudio("item_a1", "AAAA");
        assertThat(lines).extracting(CallMessage::speaker, CallMessage::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Speaker.CUSTOMER, "Hello there"),
                        org.assertj.core.groups.Tuple.tuple(Speaker.AGENT, "Hi! How can I help?"));
        assertThat(lines.getFirst().startMs()).isEqualTo(1200);
        assertThat(lines.getFirst().endMs()).isEqualTo(2900);
        assertThat(sent).as("nothing goes back for words or audio").isEmpty();
    }

    @Test
    void aGoodbyeTheVendorNeverReportsFinishedStillEndsTheCallAfterTheLimit() throws Exception {
        open(java.time.Duration.ofMillis(100));
        listener.assistantPlayback(true);
        listener.toolCall("call_1", "end_call", "{}");
        listener.responseDone();
        runBlockingWork();
        assertThat(vendor).as("the goodbye is still playing").containsExactly("attach:rtc_1");
        // no output_audio_buffer.stopped ever comes: after the limit the call is hung up all the same
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (completed.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            synchronized (later) {
                runBlockingWork();
            }
        }
        assertThat(vendor).containsExactly("attach:rtc_1", "hangup:rtc_1");
        assertThat(completed).containsExactly(CALL);
        assertThat(endReasons).containsExactly("ended-by-assistant");
    }

    @Test
    void endCallWaitsForTheBrowserToPlayTheGoodbyeThenHangsUpAndCompletesTheRecord() {
        open();
        listener.assistantPlayback(true);
        listener.toolCall("call_1", "end_call", "{}");
        listener.responseUsage(new TokenUsage(10, 20, 0, 0, 5, 15));
        listener.responseDone();
        assertThat(sent).containsExactly("tool:call_1:{\"ok\":true,\"result\":\"The call ends after your goodbye.\"}:false");
        runBlockingWork();
        assertThat(vendor).as("the goodbye is still playing").containsExactly("attach:rtc_1");

        listener.assistantPlayback(false);
        runBlockingWork();
        assertThat(vendor).containsExactly("attach:rtc_1", "hangup:rtc_1");
        assertThat(sent).last().isEqualTo("close");
        assertThat(completed).containsExactly(CALL);
        assertThat(endReasons).containsExactly("ended-by-assistant");
        assertThat(ledgers).singleElement().satisfies(m -> assertThat(m.usage().tokens().outputAudio()).isEqualTo(15));

        listener.closed("ended", false);
        runBlockingWork();
        assertThat(completed).as("a call ends once").hasSize(1);
    }

    @Test
    void theFarEndClosingTheSidebandCompletesTheCallWithoutAHangUp() {
        open();
        listener.closed("ended", false);
        runBlockingWork();
        assertThat(vendor).containsExactly("attach:rtc_1");
        assertThat(completed).containsExactly(CALL);
        assertThat(endReasons).isEmpty();
    }

    @Test
    void aSidebandThatCannotConnectHangsTheCallUpAndSaysWhy() {
        open();
        listener.closed("unreachable", true);
        runBlockingWork();
        assertThat(vendor).containsExactly("attach:rtc_1", "hangup:rtc_1");
        assertThat(completed).containsExactly(CALL);
        assertThat(endReasons).containsExactly("sideband-unreachable");
    }

    @Test
    void aDeletedScenarioEndsTheCallWithoutASideband() {
        scenario = Optional.empty();
        open();
        runBlockingWork();
        assertThat(vendor).containsExactly("hangup:rtc_1");
        assertThat(endReasons).containsExactly("scenario-unavailable");
        assertThat(completed).containsExactly(CALL);
    }

    @Test
    void aTransferBecomesAnAnswerAndTheConversationGoesOnWhileBlockingToolsAnswerWhenReady() {
        extraTools = List.of(tool("hand_over", false, ToolResult.doneThen("Transferring.", new FollowUp.Transfer(new PhoneNumber("+14155550122")))),
                tool("look_up", true, ToolResult.done("found it")));
        open();
        listener.toolCall("call_t", "hand_over", "{}");
        listener.toolCall("call_l", "look_up", "{}");
        listener.toolCall("call_u", "no_such_tool", "{}");
        listener.responseDone();
        assertThat(sent).containsExactly("tool:call_t:" + ToolResult.done(BrowserCall.NO_TRANSFER).json() + ":true",
                "tool:call_u:{\"ok\":false,\"error\":\"Unknown tool: no_such_tool\"}:true");
        runBlockingWork();
        assertThat(sent).last().isEqualTo("tool:call_l:{\"ok\":true,\"result\":\"found it\"}:true");
        assertThat(vendor).doesNotContain("hangup:rtc_1");
        assertThat(completed).isEmpty();
    }

    private static CallTool tool(String name, boolean blocks, ToolResult result) {
        return new CallTool() {
            public String name() { return name; }
            public String description() { return name; }
            public String parametersJsonSchema() { return "{\"type\":\"object\"}"; }
            public boolean blocks() { return blocks; }
            public ToolResult run(ToolContext call, String argumentsJson) { return result; }
        };
    }
}
