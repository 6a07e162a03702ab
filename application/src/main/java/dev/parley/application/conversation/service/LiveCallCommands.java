package dev.parley.application.conversation.service;

import dev.parley.application.call.port.out.CallEvent;
import dev.parley.application.call.port.out.CallEvents;
import dev.parley.application.conversation.port.out.SpeechSynthesisException;
import dev.parley.application.conversation.port.out.TextToSpeech;
import dev.parley.domain.call.CallId;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Carries out console commands for the calls whose media stream is on this instance: an agent's
 * message is synthesised, spoken into the call (taking it over from the assistant) and confirmed
 * on the bus with the audio; a hand-back releases the assistant. Commands for calls held by other
 * instances are ignored here (their owner acts on them). Synthesis blocks, so it runs on the
 * blocking executor, never on the bus's delivery thread.
 */
public final class LiveCallCommands implements AutoCloseable {
    /** 20 ms of 8 kHz μ-law: the frame size Twilio itself sends. */
    static final int FRAME_BYTES = 160;

    private final LiveCalls calls;
    private final CallEvents events;
    private final TextToSpeech speech;
    private final Executor blocking;
    private final Clock clock;
    private final String voice;
    private final CallEvents.Subscription subscription;

    public LiveCallCommands(LiveCalls calls, CallEvents events, TextToSpeech speech, Executor blocking, Clock clock, String voice) {
        this.calls = calls;
        this.events = events;
        this.speech = speech;
        this.blocking = blocking;
        this.clock = clock;
        this.voice = voice;
        this.subscription = events.subscribe(this::on);
    }

    private void on(CallEvent event) {
        switch (event) {
            case CallEvent.SpeakRequested speak -> here(speak.callId()).ifPresent(live -> blocking.execute(() -> speak(live, speak)));
            case CallEvent.HandBackRequested back -> here(back.callId()).ifPresent(LiveCall::handBack);
            default -> {
            }
        }
    }

    private void speak(LiveCall live, CallEvent.SpeakRequested request) {
        byte[] audio;
        try {
            audio = speech.synthesize(request.text(), voice);
        } catch (SpeechSynthesisException failed) {
            events.publish(new CallEvent.Failed(request.tenant(), request.callId(), "TTS_ERROR", failed.getMessage(), clock.instant()));
            return;
        }
        if (live.humanSpeaks(frames(audio)))
            events.publish(new CallEvent.AgentSpoke(request.tenant(), request.callId(), request.text(),
                    Base64.getEncoder().encodeToString(audio), clock.instant()));
        else
            events.publish(new CallEvent.Failed(request.tenant(), request.callId(), "TWILIO_ERROR", "The call has ended", clock.instant()));
    }

    static List<String> frames(byte[] audio) {
        List<String> frames = new ArrayList<>(audio.length / FRAME_BYTES + 1);
        Base64.Encoder base64 = Base64.getEncoder();
        for (int from = 0; from < audio.length; from += FRAME_BYTES)
            frames.add(base64.encodeToString(Arrays.copyOfRange(audio, from, Math.min(audio.length, from + FRAME_BYTES))));
        return frames;
    }

    private Optional<LiveCall> here(String callId) {
        if (callId == null || !callId.matches("[1-9]\\d{0,17}")) return Optional.empty();
        return calls.find(new CallId(Long.parseLong(callId)));
    }

    @Override
    public void close() {
        subscription.close();
    }
}
