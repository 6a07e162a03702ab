package dev.parley.adapter.out.simulated;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scripted dialogue on recorded frames: the caller's answer is espeak-ng speech, silence is μ-law silence (0xFF). */
class SimulatedDialogueTest {
    static final SpeechClips CLIPS = SpeechClips.recorded();
    static final SimulatedModelProperties SETTINGS = SimulatedModelProperties.defaults();

    final RecordingListener listener = new RecordingListener();

    SimulatedDialogue dialogue(boolean mayEndCall) {
        return new SimulatedDialogue(CLIPS.script(), listener,
                new EnergyDetector(SETTINGS.speechThreshold(), SETTINGS.speechStartFrames(), SETTINGS.speechStopFrames()),
                mayEndCall, SETTINGS.noAnswer().toMillis());
    }

    static byte[] callerClip() throws IOException {
        try (InputStream in = SimulatedDialogueTest.class.getResourceAsStream("/caller.ulaw")) {
            return in.readAllBytes();
        }
    }

    static byte[] silence(Duration length) {
        byte[] s = new byte[(int) length.toMillis() * 8];
        Arrays.fill(s, (byte) 0xFF);
        return s;
    }

    /** Feeds audio as a phone line does, 160 bytes (20 ms) at a time. */
    static void feed(SimulatedDialogue dialogue, byte[] audio) {
        for (int from = 0; from < audio.length; from += 160)
            dialogue.callerAudio(Arrays.copyOfRange(audio, from, Math.min(audio.length, from + 160)));
    }

    @Test
    void greetsAsksListensSaysGoodbyeAndEndsTheCall() throws IOException {
        SimulatedDialogue d = dialogue(true);
        d.respond();                                     // an outbound call opens with the greeting
        feed(d, silence(Duration.ofSeconds(7)));          // the greeting plays out in real time
        feed(d, callerClip());                            // the caller answers
        feed(d, silence(Duration.ofSeconds(12)));         // then says nothing more

        assertThat(listener.matching("assistant ")).containsExactly(
                "assistant sim_item_1: " + SpeechClips.GREETING,
                "assistant sim_item_3: " + SpeechClips.QUESTION,
                "assistant sim_item_4: " + SpeechClips.GOODBYE);
        assertThat(listener.matching("caller ")).singleElement().satisfies(line ->
                assertThat(line).matches("caller sim_caller_2: \\[caller spoke for [23]\\.\\d s]"));
        assertThat(listener.matching("tool ")).containsExactly("tool end_call");
        // the tool call closes the goodbye's response, and nothing is said after it
        List<String> events = listener.events;
        assertThat(events.subList(events.size() - 2, events.size())).containsExactly("tool end_call", "done");
        // every clip went out whole and unchanged
        assertThat(listener.audio.get("sim_item_1").toByteArray()).isEqualTo(CLIPS.greeting().audio());
        assertThat(listener.audio.get("sim_item_3").toByteArray()).isEqualTo(CLIPS.question().audio());
        assertThat(listener.audio.get("sim_item_4").toByteArray()).isEqualTo(CLIPS.goodbye().audio());
    }

    @Test
    void callerSpeechIsTimedOnTheLinesClock() throws IOException {
        SimulatedDialogue d = dialogue(true);
        feed(d, silence(Duration.ofMillis(1000)));
        feed(d, callerClip());
        feed(d, silence(Duration.ofMillis(1000)));

        String started = listener.matching("started ").getFirst();
        String stopped = listener.matching("stopped ").getFirst();
        long start = Long.parseLong(started.substring(started.lastIndexOf(' ') + 1));
        long end = Long.parseLong(stopped.substring(stopped.lastIndexOf(' ') + 1));
        long clipMs = callerClip().length / 8;
        // espeak's clip begins and ends with a little silence, so speech sits inside it
        assertThat(start).isBetween(1000L, 1400L);
        assertThat(end).isBetween(1000L + clipMs - 800, 1000L + clipMs);
        // an inbound call whose scenario does not greet: the assistant answers the caller with its first line
        assertThat(listener.matching("assistant ")).containsExactly("assistant sim_item_2: " + SpeechClips.GREETING);
    }

    @Test
    void theCallerTalkingOverTheAssistantCutsItsLine() throws IOException {
        SimulatedDialogue d = dialogue(true);
        d.respond();
        feed(d, silence(Duration.ofMillis(1000)));        // one second of the greeting out
        feed(d, callerClip());                            // barge-in

        byte[] greetingSent = listener.audio.get("sim_item_1").toByteArray();
        assertThat(greetingSent.length).isLessThan(CLIPS.greeting().audio().length);
        int started = listener.events.indexOf(listener.matching("started ").getFirst());
        assertThat(listener.events.get(started + 1)).isEqualTo("done");   // the response is cancelled at once
        assertThat(listener.events.subList(started, listener.events.size())).doesNotContain("audio sim_item_1"); // and no more of it follows
    }

    @Test
    void withNoAnswerTheScriptGoesOnAndWithoutEndCallTheAssistantOnlySaysGoodbye() {
        SimulatedDialogue d = dialogue(false);
        d.respond();
        feed(d, silence(Duration.ofSeconds(30)));

        assertThat(listener.matching("assistant ")).extracting(s -> s.substring(s.indexOf(": ") + 2))
                .containsExactly(SpeechClips.GREETING, SpeechClips.QUESTION, SpeechClips.GOODBYE);
        assertThat(listener.matching("tool ")).isEmpty();
        assertThat(listener.matching("started ")).isEmpty();
    }

    @Test
    void aHeldAssistantStopsAndAnswersNobodyUntilHandedBack() throws IOException {
        SimulatedDialogue d = dialogue(true);
        d.respond();
        feed(d, silence(Duration.ofMillis(500)));
        d.hold(true);
        feed(d, callerClip());
        feed(d, silence(Duration.ofSeconds(10)));
        assertThat(listener.matching("assistant ")).hasSize(1);
        d.hold(false);
        d.respond();
        assertThat(listener.matching("assistant ")).hasSize(2);
    }
}
