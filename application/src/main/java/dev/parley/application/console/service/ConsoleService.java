package dev.parley.application.console.service;

import dev.parley.application.call.port.in.CallNotFoundException;
import dev.parley.application.call.port.in.FollowLiveCallUseCase;
import dev.parley.application.call.port.in.FollowLiveCallUseCase.LiveCallState;
import dev.parley.application.call.port.out.CallControl;
import dev.parley.application.call.port.out.CallEvent;
import dev.parley.application.call.port.out.CallEvents;
import dev.parley.application.console.port.in.CallNotLiveException;
import dev.parley.application.console.port.in.ConsoleStatus;
import dev.parley.application.console.port.in.SpeakIntoCallUseCase;
import dev.parley.application.console.port.in.TranscribeCustomerAudioUseCase;
import dev.parley.application.transcript.port.in.TranscribeAudioUseCase;
import dev.parley.domain.transcript.AudioUpload;
import dev.parley.application.console.port.in.UpdateCallFromConsoleUseCase;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.call.Speaker;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.TenantId;

import java.time.Clock;
import java.time.Instant;

/** What a console asks of a call (blocking: database and carrier; call it off the event loop); the instance holding the call's media stream does the speaking. */
public final class ConsoleService implements SpeakIntoCallUseCase, UpdateCallFromConsoleUseCase, TranscribeCustomerAudioUseCase {
    private final FollowLiveCallUseCase calls;
    private final CallEvents events;
    private final CallControl control;
    private final Clock clock;
    private final TranscribeAudioUseCase speechToText;

    public ConsoleService(FollowLiveCallUseCase calls, CallEvents events, CallControl control, Clock clock,
                          TranscribeAudioUseCase speechToText) {
        this.speechToText = speechToText;
        this.calls = calls;
        this.events = events;
        this.control = control;
        this.clock = clock;
    }

    @Override
    public void speak(TenantId tenant, CallId callId, String text) {
        if (text == null || text.isBlank()) throw new InvalidValueException("message", "message.empty", "message is required");
        if (text.length() > MAX_LENGTH)
            throw new InvalidValueException("message", "message.too-long", "message must be at most " + MAX_LENGTH + " characters");
        LiveCallState call = liveCall(tenant, callId);
        Instant now = clock.instant();
        long offset = offsetMs(call, now);
        // stored before it is spoken: a line the caller may hear is never missing from the history
        calls.addLine(new CallMessage(callId, tenant, Speaker.AGENT, text, 1.0, true, offset, offset, now));
        events.publish(new CallEvent.SpeakRequested(tenant, key(callId), text.strip(), now));
    }

    @Override
    public void handBack(TenantId tenant, CallId callId) {
        liveCall(tenant, callId);
        events.publish(new CallEvent.HandBackRequested(tenant, key(callId), clock.instant()));
    }

    @Override
    public void update(TenantId tenant, CallId callId, ConsoleStatus status) {
        if (status == ConsoleStatus.INCOMING)
            throw new InvalidValueException("status", "status.invalid", "status must be answered, in_progress or ended");
        LiveCallState call = calls.find(tenant, callId).orElseThrow(CallNotFoundException::new);
        if (status == ConsoleStatus.ENDED && call.isLive()) {
            control.hangUp(call.carrierSid());
        }
        events.publish(new CallEvent.StatusChanged(tenant, key(callId), status.wire(), "", "", clock.instant()));
    }

    @Override
    public String transcribe(TenantId tenant, CallId callId, byte[] mulaw, int sampleRate, String language) {
        if (mulaw == null || mulaw.length == 0) throw new InvalidValueException("audio_data", "audio.empty", "audio_data is empty");
        if (mulaw.length > MAX_AUDIO_BYTES)
            throw new InvalidValueException("audio_data", "audio.too-long", "audio_data is longer than 20 seconds");
        if (sampleRate < 8000 || sampleRate > 48000)
            throw new InvalidValueException("sample_rate", "audio.rate", "sample_rate must be between 8000 and 48000");
        LiveCallState call = calls.find(tenant, callId).orElseThrow(CallNotFoundException::new);
        String hint = language == null || language.isBlank() || "auto".equals(language) ? "" : language;
        String text = speechToText.transcribe(tenant, new AudioUpload("console-audio.wav", "audio/wav", MulawWav.of(mulaw, sampleRate)), hint)
                .strip();
        if (text.isEmpty()) return text;
        Instant now = clock.instant();
        long offset = offsetMs(call, now);
        calls.addLine(new CallMessage(callId, tenant, Speaker.CUSTOMER, text, 1.0, true, offset, offset, now));
        events.publish(new CallEvent.CustomerSpoke(tenant, key(callId), text, true, 1.0, hint.isEmpty() ? "auto" : hint, now));
        return text;
    }

    private LiveCallState liveCall(TenantId tenant, CallId callId) {
        LiveCallState call = calls.find(tenant, callId).orElseThrow(CallNotFoundException::new);
        if (!call.isLive()) throw new CallNotLiveException();
        return call;
    }

    /** A line's offset from the moment the call was answered (0 before). */
    private static long offsetMs(LiveCallState call, Instant now) {
        return call.answeredAt() == null ? 0L : Math.max(0, now.toEpochMilli() - call.answeredAt().toEpochMilli());
    }

    /** How consoles and the bus name a call: our id, in decimal. */
    public static String key(CallId call) {
        return Long.toString(call.value());
    }
}
