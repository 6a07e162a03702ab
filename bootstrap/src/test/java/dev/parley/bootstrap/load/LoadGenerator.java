package dev.parley.bootstrap.load;

import dev.parley.adapter.out.openai.testing.FakeRealtimeServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Load generator: N concurrent simulated Twilio calls against a running Parley whose
 * OPENAI_REALTIME_URL points at the echoing fake Realtime server this generator also runs. Each
 * call is a signed {@code POST /incoming-call} (TwiML gives the one-time token), then a media
 * stream sending a 20 ms μ-law frame (160 bytes) every 20 ms; the fake model echoes each frame
 * back as assistant audio, and the bridge sends it to the caller with a mark, which the caller
 * echoes as Twilio does. Each frame carries its sequence number, so the caller measures the
 * round trip through the bridge (Twilio → Parley → OpenAI → Parley → Twilio) and counts losses:
 * frames sent during the measuring window that did not come back within 2 s of its end.
 *
 * <p>Arguments: {@code --server http://127.0.0.1:5099 --calls 200 --seconds 20 --echo-port 5098
 * --server-pid <pid>} (server CPU and RSS are read from /proc for that pid).
 */
public final class LoadGenerator {
    static final String AUTH_TOKEN = "load-test-auth-token";
    private static final long BUCKET_NANOS = 50_000;            // 50 µs histogram buckets
    private static final int BUCKETS = 40_000;                   // up to 2 s
    private static final int FRAME_BYTES = 160;

    private final AtomicLongArray histogram = new AtomicLongArray(BUCKETS + 1);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong handshakeFailures = new AtomicLong();
    private final AtomicLong closedEarly = new AtomicLong();
    private volatile boolean measuring;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        new LoadGenerator().run(URI.create(o.getOrDefault("server", "http://127.0.0.1:5099")), Integer.parseInt(o.getOrDefault("calls", "200")),
                Integer.parseInt(o.getOrDefault("seconds", "20")), Integer.parseInt(o.getOrDefault("echo-port", "5098")),
                o.containsKey("server-pid") ? Long.parseLong(o.get("server-pid")) : -1);
        System.exit(0);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) if (args[i].startsWith("--")) o.put(args[i].substring(2), args[i + 1]);
        return o;
    }

    /** One simulated call: Twilio's side of the media stream. */
    private final class Call implements WebSocket.Listener {
        final String streamSid;
        final long[] sentAt = new long[4096];
        private final StringBuilder partial = new StringBuilder();
        private CompletableFuture<WebSocket> chain;
        private WebSocket socket;
        private long sequence;
        private long timestamp;
        volatile boolean open;

        Call(int n) {
            this.streamSid = String.format("MZ%032d", n);
        }

        CompletableFuture<Void> connect(HttpClient http, URI uri, String callSid, String callId, String token) {
            return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, this).thenAccept(ws -> {
                socket = ws;
                open = true;
                chain = CompletableFuture.completedFuture(ws);
                send("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
                send("{\"event\":\"start\",\"sequenceNumber\":\"1\",\"streamSid\":\"" + streamSid + "\",\"start\":{\"accountSid\":\"ACload\","
                        + "\"streamSid\":\"" + streamSid + "\",\"callSid\":\"" + callSid + "\",\"tracks\":[\"inbound\"],\"customParameters\":"
                        + "{\"callId\":\"" + callId + "\",\"token\":\"" + token + "\"},\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\","
                        + "\"sampleRate\":8000,\"channels\":1}}}");
            });
        }

        synchronized void send(String frame) {
            chain = chain.thenCompose(ws -> ws.sendText(frame, true));
        }

        void tick() {
            if (!open) return;
            long seq = ++sequence;
            timestamp += 20;
            byte[] audio = new byte[FRAME_BYTES];
            java.util.Arrays.fill(audio, (byte) 0xFF);
            for (int i = 0; i < 8; i++) audio[i] = (byte) (seq >>> (56 - 8 * i));
            sentAt[(int) (seq & 4095)] = System.nanoTime();
            if (measuring) sent.incrementAndGet();
            send("{\"event\":\"media\",\"sequenceNumber\":\"" + (seq + 1) + "\",\"streamSid\":\"" + streamSid + "\",\"media\":{\"track\":\"inbound\","
                    + "\"chunk\":\"" + seq + "\",\"timestamp\":\"" + timestamp + "\",\"payload\":\"" + Base64.getEncoder().encodeToString(audio) + "\"}}");
        }

        void stop() {
            if (!open) return;
            open = false;
            send("{\"event\":\"stop\",\"sequenceNumber\":\"0\",\"streamSid\":\"" + streamSid + "\",\"stop\":{\"accountSid\":\"ACload\"}}");
            chain.thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "")).orTimeout(5, TimeUnit.SECONDS)
                    .whenComplete((r, e) -> socket.abort());
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                if (frame.startsWith("{\"event\":\"media\"")) {
                    int k = frame.indexOf("\"payload\":\"");
                    if (k > 0) {
                        byte[] head = Base64.getDecoder().decode(frame.substring(k + 11, k + 23));
                        long seq = 0;
                        for (int i = 0; i < 8; i++) seq = (seq << 8) | (head[i] & 0xFF);
                        long sentTime = sentAt[(int) (seq & 4095)];
                        long rtt = System.nanoTime() - sentTime;
                        if (sentTime >= windowStart && sentTime < windowEnd) {
                            received.incrementAndGet();
                            histogram.incrementAndGet((int) Math.min(BUCKETS, Math.max(0, rtt) / BUCKET_NANOS));
                        }
                    }
                } else if (frame.startsWith("{\"event\":\"mark\"")) {
                    int k = frame.indexOf("\"name\":\"");
                    String name = frame.substring(k + 8, frame.indexOf('"', k + 8));
                    send("{\"event\":\"mark\",\"sequenceNumber\":\"0\",\"streamSid\":\"" + streamSid + "\",\"mark\":{\"name\":\"" + name + "\"}}");
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (open) closedEarly.incrementAndGet();
            open = false;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (open) closedEarly.incrementAndGet();
            open = false;
        }
    }

    void run(URI server, int calls, int seconds, int echoPort, long serverPid) throws Exception {
        try (FakeRealtimeServer openai = new FakeRealtimeServer(echoPort).echo(true);
             HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            long idleRss = rssKib(serverPid);
            System.out.printf("echo model on %s; %d calls for %d s; server pid %d (idle RSS %d MiB)%n", openai.url(), calls, seconds, serverPid,
                    idleRss / 1024);
            List<Call> live = new ArrayList<>();
            // one JDK client per 20 callers: each client drives its sockets from a single selector thread
            List<HttpClient> callers = new ArrayList<>();
            for (int i = 0; i < Math.max(1, calls / 20); i++) callers.add(HttpClient.newHttpClient());
            URI ws = URI.create(server.toString().replaceFirst("^http", "ws") + "/media-stream");
            long connectStart = System.nanoTime();
            List<CompletableFuture<Void>> connecting = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                String callSid = String.format("CA%032d", i + 1);
                String twiml = incomingCall(http, server, callSid, i);
                Matcher id = Pattern.compile("name=\"callId\" value=\"(\\d+)\"").matcher(twiml);
                Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(twiml);
                if (!id.find() || !token.find()) {
                    handshakeFailures.incrementAndGet();
                    continue;
                }
                Call call = new Call(i + 1);
                connecting.add(call.connect(callers.get(i % callers.size()), ws, callSid, id.group(1), token.group(1))
                        .orTimeout(15, TimeUnit.SECONDS)
                        .handle((ok, failure) -> {
                            if (failure != null) handshakeFailures.incrementAndGet();
                            else synchronized (live) { live.add(call); }
                            return null;
                        }));
            }
            CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).join();
            System.out.printf("%d streams up in %d ms (%d failed)%n", live.size(), (System.nanoTime() - connectStart) / 1_000_000,
                    handshakeFailures.get());

            // one 20 ms clock per call, spread evenly over the 20 ms period
            ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
            for (int i = 0; i < live.size(); i++) {
                Call call = live.get(i);
                clock.scheduleAtFixedRate(call::tick, (20_000L * i / Math.max(1, live.size())), 20_000, TimeUnit.MICROSECONDS);
            }
            Thread.sleep(3000); // warm-up: every stream is bridged and the JIT has settled
            long serverCpu0 = cpuTicks(serverPid);
            long selfCpu0 = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            long t0 = System.nanoTime();
            windowStart = t0;
            measuring = true;
            Thread.sleep(seconds * 1000L);
            measuring = false;
            windowEnd = System.nanoTime();
            long elapsed = windowEnd - t0;
            long serverCpu1 = cpuTicks(serverPid);
            long selfCpu1 = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            long loadRss = rssKib(serverPid);
            Thread.sleep(2000); // frames of the window still in flight may arrive; later than that counts as lost
            clock.shutdownNow();
            live.forEach(Call::stop);

            long s = sent.get();
            long r = received.get();
            double serverCoreShare = serverPid > 0 ? (serverCpu1 - serverCpu0) * (1e9 / 100) / elapsed : Double.NaN;
            double selfCoreShare = (double) (selfCpu1 - selfCpu0) / elapsed;
            System.out.printf("frames sent %d, echoed back %d, lost or over 2 s late %d (%.3f %%)%n", s, r, Math.max(0, s - r), s == 0 ? 0 : 100.0 * Math.max(0, s - r) / s);
            System.out.printf("round trip p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                    percentile(0.50), percentile(0.90), percentile(0.99), percentile(0.999), percentile(1.0));
            System.out.printf("streams closed early %d, handshake failures %d%n", closedEarly.get(), handshakeFailures.get());
            if (serverPid > 0) {
                System.out.printf("server CPU %.1f %% of one core = %.3f %% per call; RSS %d MiB (idle %d MiB) = %.2f MiB per call%n",
                        serverCoreShare * 100, serverCoreShare * 100 / Math.max(1, live.size()), loadRss / 1024, idleRss / 1024,
                        (loadRss - idleRss) / 1024.0 / Math.max(1, live.size()));
            }
            System.out.printf("generator CPU %.1f %% of one core (fake callers and echo model together)%n", selfCoreShare * 100);
            Thread.sleep(1500);
            callers.forEach(HttpClient::shutdownNow);
        }
    }

    private String incomingCall(HttpClient http, URI server, String callSid, int n) throws Exception {
        Map<String, String> form = new TreeMap<>();
        form.put("AccountSid", "ACload");
        form.put("CallSid", callSid);
        form.put("CallStatus", "ringing");
        form.put("Direction", "inbound");
        form.put("From", "+1555" + (2_000_000 + n));
        form.put("To", LoadServer.NUMBER.e164());
        StringBuilder data = new StringBuilder(LoadServer.PUBLIC_URL + "/incoming-call");
        form.forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.resolve("/incoming-call"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private double percentile(double p) {
        long total = 0;
        for (int i = 0; i <= BUCKETS; i++) total += histogram.get(i);
        if (total == 0) return Double.NaN;
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += histogram.get(i);
            if (seen >= rank) return (i + 1) * BUCKET_NANOS / 1e6;
        }
        return BUCKETS * BUCKET_NANOS / 1e6;
    }

    /** utime + stime of a process, in clock ticks (USER_HZ = 100 on Linux). */
    private static long cpuTicks(long pid) {
        if (pid <= 0) return 0;
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (Exception e) {
            return 0;
        }
    }

    private static long rssKib(long pid) {
        if (pid <= 0) return 0;
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        } catch (Exception e) {
            return 0;
        }
    }
}
