package dev.parley.bootstrap.caller;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./parley call}: places a simulated call against a running Parley and plays the phone. It
 * signs in (or makes a throw-away local account), starts a simulated call, opens the media stream
 * with Twilio's protocol and then, every 20 ms, sends a frame of the caller (a WAV file, then
 * silence) and plays 20 ms of what the assistant sent, echoing marks once the audio before them has
 * played and dropping queued audio on {@code clear}, as Twilio does. Both sides can be recorded to a
 * stereo WAV (caller left, assistant right); the stored transcript is printed at the end.
 */
public final class SimulatedCaller {
    static final int FRAME_BYTES = 160;
    static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final Set<String> FINAL = Set.of("completed", "busy", "failed", "no-answer", "canceled");
    private static final String USAGE = """
            usage: ./parley call [--scenario NAME_OR_ID] [--play in.wav] [--record out.wav] [--seconds N]
                                 [--server URL] [--email EMAIL --password PASSWORD]
              --scenario  a built-in scenario (sales, ...) or one of your custom scenario ids (default: sales)
              --play      what the caller says: a WAV file (any rate, mono or stereo), played once the assistant pauses
              --record    a stereo WAV of the call: the caller left, the assistant right (8 kHz)
              --seconds   hang up after this many seconds if the assistant has not (default: 60)
              --server    the running Parley (default: PARLEY_URL, else http://localhost:PORT, PORT 5050)
              --email/--password  an account of that server (default: PARLEY_EMAIL/PARLEY_PASSWORD, else a new local account)
            """;

    /** What to call and how. */
    record Options(URI server, String scenario, Path play, Path record, Duration limit, String email, String password) {
    }

    /** How the call went: its stored state and what each side said (μ-law, 8 kHz, on one clock). */
    record Result(long callId, String status, String endReason, List<String> transcript, byte[] callerAudio, byte[] assistantAudio,
                  boolean hungUpByServer) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json;
    private final PrintStream out;
    private String accessToken;

    SimulatedCaller(JsonMapper json, PrintStream out) {
        this.json = json;
        this.out = out;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        try {
            Result result = new SimulatedCaller(JsonMapper.createDefault(), System.out).call(options);
            System.exit(FINAL.contains(result.status()) ? 0 : 1);
        } catch (Exception e) {
            System.err.println("The call failed: " + e.getMessage());
            System.exit(1);
        }
    }

    static Options parse(String[] args, Map<String, String> env) {
        String server = env.getOrDefault("PARLEY_URL", "");
        if (server.isBlank()) server = "http://localhost:" + env.getOrDefault("PORT", "5050");
        String scenario = "sales";
        Path play = null;
        Path record = null;
        Duration limit = Duration.ofSeconds(60);
        String email = env.getOrDefault("PARLEY_EMAIL", "");
        String password = env.getOrDefault("PARLEY_PASSWORD", "");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) throw new IllegalArgumentException("Parley's command-line caller");
            if (i + 1 >= args.length) throw new IllegalArgumentException(flag + " needs a value");
            String value = args[++i];
            switch (flag) {
                case "--scenario" -> scenario = value;
                case "--play" -> play = Path.of(value);
                case "--record" -> record = Path.of(value);
                case "--seconds" -> {
                    try {
                        limit = Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seconds takes a number");
                    }
                    if (limit.isNegative() || limit.isZero()) throw new IllegalArgumentException("--seconds must be positive");
                }
                case "--server" -> server = value;
                case "--email" -> email = value;
                case "--password" -> password = value;
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (email.isBlank() != password.isBlank()) throw new IllegalArgumentException("give both --email and --password, or neither");
        return new Options(URI.create(server.endsWith("/") ? server.substring(0, server.length() - 1) : server), scenario, play, record,
                limit, email, password);
    }

    Result call(Options options) throws IOException, InterruptedException {
        byte[] speech = options.play() == null ? new byte[0] : PhoneAudio.readAsMuLaw(options.play());
        signIn(options);
        Map<String, Object> started = send("POST", options.server().resolve("/api/simulated-calls"),
                json.writeValueAsString(Map.of("scenario", options.scenario())), 201);
        long callId = ((Number) started.get("call_id")).longValue();
        String callSid = (String) started.get("call_sid");
        out.printf(Locale.ROOT, "Calling with scenario %s: call %d%n", options.scenario(), callId);

        Phone phone = new Phone(speech, callSid);
        URI stream = URI.create(options.server().toString().replaceFirst("^http", "ws") + started.get("stream_path"));
        WebSocket socket;
        try {
            socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(stream, phone.listener)
                    .get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("Could not open the media stream " + stream + ": " + e.getMessage(), e);
        }
        phone.run(socket, callId, (String) started.get("token"), options.limit());

        Map<String, Object> detail = awaitEnd(options.server(), callId);
        @SuppressWarnings("unchecked") Map<String, Object> call = (Map<String, Object>) detail.get("call");
        @SuppressWarnings("unchecked") List<Map<String, Object>> messages = (List<Map<String, Object>>) detail.get("messages");
        List<String> transcript = new ArrayList<>();
        for (Map<String, Object> m : messages)
            transcript.add(("agent".equals(m.get("sender_type")) ? "assistant" : "caller") + ": " + m.get("content"));
        out.println("Transcript:");
        transcript.forEach(line -> out.println("  " + line));
        String status = String.valueOf(call.get("status"));
        String reason = call.get("end_reason") == null ? null : call.get("end_reason").toString();
        out.printf(Locale.ROOT, "Call %d %s%s after %.1f s; %s%n", callId, status, reason == null ? "" : " (" + reason + ")",
                phone.callerAudio.size() / 8000.0, phone.hungUpByServer ? "the assistant hung up" : "the caller hung up");
        byte[] caller = phone.callerAudio.toByteArray();
        byte[] assistant = phone.assistantAudio.toByteArray();
        if (options.record() != null) {
            PhoneAudio.writeStereo(options.record(), caller, assistant);
            out.println("Recorded both sides to " + options.record() + " (caller left, assistant right)");
        }
        return new Result(callId, status, reason, transcript, caller, assistant, phone.hungUpByServer);
    }

    private void signIn(Options options) throws IOException, InterruptedException {
        String email = options.email();
        String password = options.password();
        if (email.isBlank()) {
            byte[] random = new byte[6];
            new SecureRandom().nextBytes(random);
            email = "caller-" + HexFormat.of().formatHex(random) + "@example.com";
            password = "Caller-" + HexFormat.of().formatHex(random) + "-1";
            send("POST", options.server().resolve("/auth/register"), json.writeValueAsString(Map.of("email", email, "password", password)), 201);
            out.println("Signed up as " + email + " (a local account for this call)");
        }
        Map<String, Object> tokens = send("POST", options.server().resolve("/auth/login"),
                json.writeValueAsString(Map.of("email", email, "password", password)), 200);
        accessToken = (String) tokens.get("access_token");
    }

    /** The call as stored once it has ended (the server completes it when its stream closes). */
    private Map<String, Object> awaitEnd(URI server, long callId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long settled = Long.MAX_VALUE;
        while (true) {
            Map<String, Object> detail = send("GET", server.resolve("/api/calls/" + callId), null, 200);
            @SuppressWarnings("unchecked") Map<String, Object> call = (Map<String, Object>) detail.get("call");
            long now = System.nanoTime();
            if (FINAL.contains(String.valueOf(call.get("status")))) {
                // the status is stored at once; the last lines and the end reason come through the server's journal, in a batch
                if (settled == Long.MAX_VALUE) settled = now + TimeUnit.SECONDS.toNanos(3);
                if (call.get("end_reason") != null || now > settled) return detail;
            }
            if (now > deadline) return detail;
            Thread.sleep(200);
        }
    }

    private Map<String, Object> send(String method, URI uri, String body, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        if (accessToken != null) request.header("Authorization", "Bearer " + accessToken);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            String detail = response.body();
            try {
                Object d = json.readValue(response.body(), Argument.mapOf(String.class, Object.class)).get("detail");
                if (d != null) detail = d.toString();
            } catch (IOException | RuntimeException notJson) {
                // the raw body says it
            }
            throw new IOException(method + " " + uri.getPath() + " answered " + response.statusCode() + ": " + detail);
        }
        return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    }

    /** The phone end of the media stream: a 20 ms clock, the caller's audio out, the assistant's played back. */
    private final class Phone {
        private final byte[] speech;
        private final String callSid;
        private final String streamSid;
        private final ConcurrentLinkedQueue<String> inbox = new ConcurrentLinkedQueue<>();
        /** Assistant audio waiting to be played (byte[]) and the marks between it (String). */
        private final ArrayDeque<Object> playback = new ArrayDeque<>();
        private final ByteArrayOutputStream callerAudio = new ByteArrayOutputStream();
        private final ByteArrayOutputStream assistantAudio = new ByteArrayOutputStream();
        private final Base64.Encoder base64 = Base64.getEncoder();
        private volatile boolean closed;
        private boolean hungUpByServer;
        private int headOffset;
        private long speechStart = -1;
        private boolean heardAssistant;
        private int quietFrames;
        private long sequence;
        private WebSocket socket;
        final Listener listener = new Listener();

        Phone(byte[] speech, String callSid) {
            this.speech = speech;
            this.callSid = callSid;
            this.streamSid = "MZ" + callSid.substring(3);
        }

        void run(WebSocket socket, long callId, String token, Duration limit) {
            this.socket = socket;
            sendText("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
            sendText("{\"event\":\"start\",\"sequenceNumber\":\"" + (++sequence) + "\",\"start\":{\"streamSid\":\"" + streamSid
                    + "\",\"accountSid\":\"\",\"callSid\":\"" + callSid + "\",\"tracks\":[\"inbound\"],\"customParameters\":{\"callId\":\""
                    + callId + "\",\"token\":\"" + token + "\"},\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,"
                    + "\"channels\":1}},\"streamSid\":\"" + streamSid + "\"}");
            long frames = limit.toNanos() / FRAME_NANOS;
            long start = System.nanoTime();
            for (long frame = 0; frame < frames && !closed; frame++) {
                long wait = start + frame * FRAME_NANOS - System.nanoTime();
                if (wait > 0) LockSupport.parkNanos(wait);
                receive();
                if (closed) break;
                byte[] said = callerFrame(frame);
                callerAudio.writeBytes(said);
                sendText("{\"event\":\"media\",\"sequenceNumber\":\"" + (++sequence) + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\""
                        + (frame + 1) + "\",\"timestamp\":\"" + frame * 20 + "\",\"payload\":\"" + base64.encodeToString(said)
                        + "\"},\"streamSid\":\"" + streamSid + "\"}");
                assistantAudio.writeBytes(playFrame());
            }
            hungUpByServer = closed;
            if (!closed) {
                sendText("{\"event\":\"stop\",\"sequenceNumber\":\"" + (++sequence) + "\",\"streamSid\":\"" + streamSid
                        + "\",\"stop\":{\"accountSid\":\"\",\"callSid\":\"" + callSid + "\"}}");
                try {
                    socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // the server closed first
                }
            }
        }

        /**
         * The caller answers like a person: once the assistant has spoken and paused for 0.8 s (or, if
         * it says nothing, after 2 s), the WAV plays, once; silence before and after it.
         */
        private byte[] callerFrame(long frame) {
            byte[] said = new byte[FRAME_BYTES];
            Arrays.fill(said, (byte) 0xFF); // μ-law silence
            if (speechStart < 0 && (heardAssistant ? quietFrames >= 40 : quietFrames >= 100)) speechStart = frame;
            if (speechStart < 0) return said;
            long from = (frame - speechStart) * FRAME_BYTES;
            if (from < speech.length) System.arraycopy(speech, (int) from, said, 0, (int) Math.min(FRAME_BYTES, speech.length - from));
            return said;
        }

        /** What the server sent since the last frame. */
        private void receive() {
            for (String message; (message = inbox.poll()) != null; ) {
                Map<String, Object> frame;
                try {
                    frame = json.readValue(message, Argument.mapOf(String.class, Object.class));
                } catch (IOException e) {
                    continue;
                }
                switch (String.valueOf(frame.get("event"))) {
                    case "media" -> {
                        Object payload = frame.get("media") instanceof Map<?, ?> media ? media.get("payload") : null;
                        if (payload != null) playback.addLast(Base64.getDecoder().decode(payload.toString()));
                    }
                    case "mark" -> {
                        Object name = frame.get("mark") instanceof Map<?, ?> mark ? mark.get("name") : null;
                        if (name != null) playback.addLast(name.toString());
                    }
                    case "clear" -> {
                        // queued audio is dropped; its marks come back at once
                        for (Object queued : playback) if (queued instanceof String mark) echo(mark);
                        playback.clear();
                        headOffset = 0;
                    }
                    default -> {
                    }
                }
            }
            echoLeadingMarks();
        }

        /** 20 ms of the assistant as the caller hears it: queued audio, else silence; marks echo once reached. */
        private byte[] playFrame() {
            byte[] heard = new byte[FRAME_BYTES];
            Arrays.fill(heard, (byte) 0xFF);
            int filled = 0;
            while (filled < FRAME_BYTES && !playback.isEmpty()) {
                if (playback.peekFirst() instanceof String mark) {
                    echo(mark);
                    playback.pollFirst();
                    continue;
                }
                byte[] chunk = (byte[]) playback.peekFirst();
                int n = Math.min(FRAME_BYTES - filled, chunk.length - headOffset);
                System.arraycopy(chunk, headOffset, heard, filled, n);
                filled += n;
                headOffset += n;
                if (headOffset == chunk.length) {
                    playback.pollFirst();
                    headOffset = 0;
                }
            }
            echoLeadingMarks();
            if (filled > 0) {
                heardAssistant = true;
                quietFrames = 0;
            } else {
                quietFrames++;
            }
            return heard;
        }

        private void echoLeadingMarks() {
            while (playback.peekFirst() instanceof String mark) {
                echo(mark);
                playback.pollFirst();
            }
        }

        private void echo(String mark) {
            sendText("{\"event\":\"mark\",\"sequenceNumber\":\"" + (++sequence) + "\",\"streamSid\":\"" + streamSid
                    + "\",\"mark\":{\"name\":\"" + mark.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}}");
        }

        /** One send at a time: the JDK socket allows a single outstanding text. */
        private void sendText(String text) {
            if (closed) return;
            try {
                socket.sendText(text, true).toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                closed = true;
            }
        }

        private final class Listener implements WebSocket.Listener {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    inbox.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed = true;
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed = true;
            }
        }
    }
}
