package dev.parley.adapter.in.twilio;

import dev.parley.application.conversation.port.in.MediaStreamHandler;
import dev.parley.application.conversation.port.in.OpenLiveCallUseCase;
import dev.parley.application.conversation.port.out.CarrierStream;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnError;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Twilio's bidirectional media stream ({@code /media-stream}, and {@code /media-stream/{scenario}}
 * of the product documents; the call's own scenario wins). Runs on the event loop and never blocks:
 * the {@code start} frame's one-time token is redeemed on the blocking executor, frames arriving
 * meanwhile wait in a small buffer, and a stream without a valid token is closed before any model
 * connection is opened. Frames are read with field scans; the audio payload passes through as is.
 */
@ServerWebSocket("/media-stream{/scenario}")
@Secured(SecurityRule.IS_ANONYMOUS)
class TwilioMediaStreamSocket {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioMediaStreamSocket.class);
    static final int MAX_BUFFERED_FRAMES = 500;
    private final OpenLiveCallUseCase openLiveCall;
    private final ExecutorService blocking;
    private final JsonMapper json;
    /** The streams of this instance by session id: a plain map lookup per frame, no attribute conversion. */
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();

    TwilioMediaStreamSocket(OpenLiveCallUseCase openLiveCall, @Named(TaskExecutors.BLOCKING) ExecutorService blocking, JsonMapper json) {
        this.openLiveCall = openLiveCall;
        this.blocking = blocking;
        this.json = json;
    }

    @OnOpen
    void onOpen(WebSocketSession session) {
        streams.put(session.getId(), new Stream(session));
    }

    @OnMessage
    void onMessage(String message, WebSocketSession session) {
        Stream stream = streams.get(session.getId());
        if (stream != null) stream.frame(message);
    }

    @OnClose
    void onClose(WebSocketSession session) {
        Stream stream = streams.remove(session.getId());
        if (stream != null) stream.ended();
    }

    @OnError
    void onError(WebSocketSession session, Throwable error) {
        LOG.debug("Media stream error: {}", error.toString());
        Stream stream = streams.remove(session.getId());
        if (stream != null) stream.ended();
    }

    private enum Phase { AWAITING_START, OPENING, LIVE, ENDED }

    /** One media stream: its phase, the live call it feeds, and the way back to Twilio. */
    private final class Stream implements CarrierStream {
        private final WebSocketSession session;
        private final ArrayDeque<String> waiting = new ArrayDeque<>();
        private volatile Phase phase = Phase.AWAITING_START;
        private volatile MediaStreamHandler handler;
        private volatile String streamSid = "";
        private long malformedBeforeLive;

        Stream(WebSocketSession session) {
            this.session = session;
        }

        void frame(String message) {
            if (phase == Phase.LIVE) {
                live(message);
                return;
            }
            synchronized (this) {
                switch (phase) {
                    case LIVE -> live(message);
                    case AWAITING_START -> awaitingStart(message);
                    case OPENING -> {
                        if (waiting.size() < MAX_BUFFERED_FRAMES) waiting.addLast(message);
                    }
                    case ENDED -> {
                        // late frames of a finished stream
                    }
                }
            }
        }

        private void live(String message) {
            MediaStreamHandler h = handler;
            String event = TwilioFrames.string(message, "event");
            if (event == null) {
                h.malformedFrame();
                return;
            }
            switch (event) {
                case "media" -> {
                    // payload and timestamp only occur inside the media object of a media frame
                    String payload = TwilioFrames.string(message, "payload");
                    long timestamp = TwilioFrames.number(TwilioFrames.string(message, "timestamp"));
                    if (payload == null || !TwilioFrames.isBase64(payload)) h.malformedFrame();
                    else h.callerAudio(payload, Math.max(0, timestamp));
                }
                case "mark" -> {
                    String name = TwilioFrames.string(message, "name");
                    if (name == null) h.malformedFrame();
                    else h.markPlayed(name);
                }
                case "stop" -> {
                    ended();
                    session.close(CloseReason.NORMAL);
                }
                case "connected", "start", "dtmf" -> {
                    // nothing to do mid-stream
                }
                default -> h.malformedFrame();
            }
        }

        private void awaitingStart(String message) {
            String event = TwilioFrames.string(message, "event");
            if ("connected".equals(event)) return;
            if (!"start".equals(event)) {
                malformedBeforeLive++;
                if (malformedBeforeLive > 10) refuse("no start frame");
                return;
            }
            Map<String, Object> frame;
            try {
                frame = json.readValue(message, Argument.mapOf(String.class, Object.class));
            } catch (Exception e) {
                refuse("unreadable start frame");
                return;
            }
            Map<?, ?> start = frame.get("start") instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> custom = start.get("customParameters") instanceof Map<?, ?> m ? m : Map.of();
            Object sid = start.get("streamSid") != null ? start.get("streamSid") : frame.get("streamSid");
            streamSid = sid == null ? "" : sid.toString().replaceAll("[^A-Za-z0-9]", "");
            var command = new OpenLiveCallUseCase.OpenLiveCallCommand(text(custom.get("callId")), text(custom.get("token")),
                    text(start.get("callSid")), streamSid);
            if (command.token() == null || command.callId() == null) {
                refuse("no stream token");
                return;
            }
            phase = Phase.OPENING;
            try {
                blocking.execute(() -> open(command));
            } catch (RejectedExecutionException e) {
                refuse("shutting down");
            }
        }

        private void open(OpenLiveCallUseCase.OpenLiveCallCommand command) {
            Optional<MediaStreamHandler> opened;
            try {
                opened = openLiveCall.open(command, this);
            } catch (RuntimeException e) {
                LOG.warn("Could not open a live call: {}", e.toString());
                opened = Optional.empty();
            }
            synchronized (this) {
                if (opened.isEmpty()) {
                    refuse("invalid, expired or reused stream token");
                    return;
                }
                if (phase == Phase.ENDED) {
                    opened.get().carrierStopped();
                    return;
                }
                handler = opened.get();
                // buffered frames first, in order; frames arriving meanwhile wait for this monitor
                while (!waiting.isEmpty() && phase != Phase.ENDED) live(waiting.pollFirst());
                if (phase != Phase.ENDED) phase = Phase.LIVE;
            }
        }

        private void refuse(String why) {
            LOG.warn("Media stream refused: {}", why);
            phase = Phase.ENDED;
            waiting.clear();
            session.close(CloseReason.POLICY_VIOLATION);
        }

        void ended() {
            MediaStreamHandler h;
            synchronized (this) {
                if (phase == Phase.ENDED) return;
                h = handler;
                phase = Phase.ENDED;
                waiting.clear();
            }
            if (h != null) h.carrierStopped();
        }

        // ---- CarrierStream: back to Twilio ----

        @Override
        public void sendAudio(String base64Payload) {
            send("{\"event\":\"media\",\"streamSid\":\"" + streamSid + "\",\"media\":{\"payload\":\"" + base64Payload + "\"}}");
        }

        @Override
        public void sendMark(String name) {
            send("{\"event\":\"mark\",\"streamSid\":\"" + streamSid + "\",\"mark\":{\"name\":\"" + name + "\"}}");
        }

        @Override
        public void clear() {
            send("{\"event\":\"clear\",\"streamSid\":\"" + streamSid + "\"}");
        }

        @Override
        public void close() {
            if (session.isOpen()) session.close(CloseReason.NORMAL);
        }

        private void send(String frame) {
            if (session.isOpen()) session.sendAsync(frame);
        }

        private static String text(Object o) {
            return o == null ? null : o.toString();
        }
    }
}
