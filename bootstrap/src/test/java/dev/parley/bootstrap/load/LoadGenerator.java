package dev.parley.bootstrap.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Load generator: N concurrent simulated Twilio calls against a running Parley whose
 * OPENAI_REALTIME_URL points at an echoing model ({@link EchoModel}, in this process or in a
 * separate one started with {@code --echo-only}). Each call is a signed {@code POST /incoming-call}
 * (TwiML gives the call id and one-time token; posted a few at a time, on the JDK HTTP client),
 * then a media stream ({@link TwilioCaller}, on Netty) sending a 20 ms μ-law frame (160 bytes) every
 * 20 ms; the model echoes each frame back as assistant audio, and the bridge sends it to the caller
 * with marks, which the caller echoes as Twilio does. Each frame carries its sequence number in
 * its first 8 audio bytes, so the caller measures the round trip through the bridge (Twilio →
 * Parley → OpenAI → Parley → Twilio) with {@code System.nanoTime()} and counts losses: frames sent
 * during the measuring window that did not come back within 2 s.
 *
 * <p>Callers and the in-process echo model share one Netty event loop group of {@code --threads}
 * threads (default 1); each call's clock runs on its own channel's loop ({@link CallerLoop}).
 *
 * <p>Arguments: {@code --server http://127.0.0.1:5099 --calls 200 --seconds 20 --echo-port 5098
 * --server-pid <pid> [--echo-pid <pid>] [--threads 1] [--transport auto|epoll|io_uring|nio] [--setup-parallel 8]
 * [--warm-up 3]}:
 * server (and external echo) CPU and RSS are read from /proc for those pids; with {@code --echo-pid}
 * no echo model is started here (the one listening on the server's OpenAI URL is that process).
 * {@code --echo-only --echo-port 5098 [--threads 1]} runs just the echo model until killed.
 */
public final class LoadGenerator {
    static final String AUTH_TOKEN = "load-test-auth-token";
    private static final Pattern CALL_ID = Pattern.compile("name=\"callId\" value=\"(\\d+)\"");
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    private final AtomicInteger handshakeFailures = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE); // no logging framework to start in this process
        if (System.getProperty("io.netty.leakDetection.level") == null) ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        Map<String, String> o = options(args);
        NettyTransport transport = NettyTransport.select(o.getOrDefault("transport", "auto"));
        int threads = Integer.parseInt(o.getOrDefault("threads", "1"));
        int echoPort = Integer.parseInt(o.getOrDefault("echo-port", "5098"));
        if (o.containsKey("echo-only")) {
            echoOnly(transport, threads, echoPort);
            return;
        }
        int code = new LoadGenerator().run(URI.create(o.getOrDefault("server", "http://127.0.0.1:5099")),
                Integer.parseInt(o.getOrDefault("calls", "200")), Integer.parseInt(o.getOrDefault("seconds", "20")), echoPort,
                Long.parseLong(o.getOrDefault("server-pid", "-1")), Long.parseLong(o.getOrDefault("echo-pid", "-1")),
                transport, threads, Integer.parseInt(o.getOrDefault("setup-parallel", "8")), Integer.parseInt(o.getOrDefault("warm-up", "3")));
        System.exit(code);
    }

    /** {@code --name value} pairs; a {@code --flag} followed by another option or nothing is "true". */
    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) continue;
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            o.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
        return o;
    }

    private static void echoOnly(NettyTransport transport, int threads, int port) throws InterruptedException {
        EventLoopGroup group = transport.group(threads, "load-echo");
        EchoModel echo = new EchoModel(group, transport, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            echo.close();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }));
        System.out.printf("EchoModel ready on %s, pid %d, %s transport, %d thread(s)%n", echo.url(), ProcessHandle.current().pid(),
                transport.name(), threads);
        Thread.currentThread().join();
    }

    int run(URI server, int calls, int seconds, int echoPort, long serverPid, long echoPid, NettyTransport transport, int threads,
            int setupParallel, int warmUpSeconds) throws Exception {
        EventLoopGroup group = transport.group(threads, "load-callers");
        CallerLoop.Window window = new CallerLoop.Window();
        Map<EventExecutor, CallerLoop> loops = new HashMap<>();
        for (EventExecutor e : group) loops.put(e, new CallerLoop((io.netty.channel.EventLoop) e, window));
        EchoModel echo = echoPid > 0 ? null : new EchoModel(group, transport, echoPort);
        try {
            long idleRss = rssKib(serverPid);
            System.out.printf("echo model %s; %d calls for %d s; server pid %d (idle RSS %d MiB); generator: %s, %d thread(s), %s%n",
                    echo != null ? "in process on " + echo.url() : "in pid " + echoPid + " on port " + echoPort, calls, seconds, serverPid,
                    idleRss / 1024, transport.name(), threads, Runtime.version());
            List<TwilioCaller> live = connect(server, calls, group, transport, loops, setupParallel);
            if (live.isEmpty()) {
                System.out.println("no stream came up");
                return 1;
            }

            // every call's 20 ms clock on its own loop, the loops offset evenly within the first millisecond
            int l = 0;
            for (CallerLoop loop : loops.values()) loop.start(1_000L * l++ / loops.size());
            // warm-up: every stream is bridged, the JIT has settled and the callers' clocks run on time (at most 20 s more)
            long warmStart = System.nanoTime();
            Thread.sleep(warmUpSeconds * 1000L);
            int onTime = 0;
            while (onTime < 10 && System.nanoTime() - warmStart < TimeUnit.SECONDS.toNanos(warmUpSeconds + 20L)) {
                Thread.sleep(100);
                onTime = loops.values().stream().allMatch(c -> c.lagNanos < 2_000_000L) ? onTime + 1 : 0;
            }
            System.out.printf("warm-up %.1f s%s%n", (System.nanoTime() - warmStart) / 1e9,
                    onTime < 10 ? " (the callers' clocks still run late: the figures include the generator's own lateness)" : "");
            long serverCpu0 = cpuTicks(serverPid);
            long serverSys0 = sysTicks(serverPid);
            long echoCpu0 = cpuTicks(echoPid);
            long selfCpu0 = selfCpuNanos();
            long t0 = System.nanoTime();
            window.start = t0;
            Thread.sleep(seconds * 1000L);
            long t1 = System.nanoTime();
            window.end = t1;
            long elapsed = t1 - t0;
            long serverCpu1 = cpuTicks(serverPid);
            long serverSys1 = sysTicks(serverPid);
            long echoCpu1 = cpuTicks(echoPid);
            long selfCpu1 = selfCpuNanos();
            long loadRss = rssKib(serverPid);
            boolean serverAlive = alive(serverPid);
            boolean echoAlive = alive(echoPid);
            Thread.sleep(RoundTrips.DEADLINE_NANOS / 1_000_000); // the window's last frames may take up to 2 s to come back

            RoundTrips all = new RoundTrips();
            long ticks = 0;
            long lateTicks = 0;
            long maxLag = 0;
            for (CallerLoop loop : loops.values()) {
                all.add(loop.loop.submit(loop.stats::copy).get());
                long[] clock = loop.loop.submit(loop::clockFigures).get();
                ticks += clock[0];
                lateTicks += clock[1];
                maxLag = Math.max(maxLag, clock[2]);
            }
            loops.values().forEach(CallerLoop::stop);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            while (live.stream().anyMatch(TwilioCaller::isOpen) && System.nanoTime() < deadline) Thread.sleep(50);

            long s = all.sent;
            long r = all.received;
            long lost = Math.max(0, s - r);
            double serverCoreShare = (serverCpu1 - serverCpu0) * 1e7 / elapsed;   // USER_HZ = 100: a tick is 10 ms
            double serverSysShare = (serverSys1 - serverSys0) * 1e7 / elapsed;
            double echoCoreShare = (echoCpu1 - echoCpu0) * 1e7 / elapsed;
            double selfCoreShare = (double) (selfCpu1 - selfCpu0) / elapsed;
            System.out.printf("frames sent %d (%d due), echoed back %d, lost or over 2 s late %d (%.3f %%)%n", s,
                    live.size() * elapsed / 20_000_000L, r, lost, s == 0 ? 0 : 100.0 * lost / s);
            System.out.printf("round trip p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                    all.percentileMillis(0.50), all.percentileMillis(0.90), all.percentileMillis(0.99), all.percentileMillis(0.999),
                    all.percentileMillis(1.0));
            System.out.printf("streams closed early %d, handshake failures %d%s%n", all.closedEarly, handshakeFailures.get(),
                    all.unexpected > 0 ? ", unexpected media frames " + all.unexpected : "");
            if (!serverAlive) {
                System.out.printf("server (pid %d) ended during the measuring window: no CPU or RSS figures%n", serverPid);
            } else if (serverPid > 0) {
                System.out.printf("server CPU %.1f %% of one core (user %.1f, system %.1f) = %.3f %% per call; RSS %d MiB (idle %d MiB) = %.2f MiB per call%n",
                        serverCoreShare * 100, (serverCoreShare - serverSysShare) * 100, serverSysShare * 100,
                        serverCoreShare * 100 / live.size(), loadRss / 1024, idleRss / 1024,
                        (loadRss - idleRss) / 1024.0 / live.size());
            }
            System.out.printf("generator clock: %.2f %% of the 1 ms ticks over 2 ms late, worst %.2f ms late%n",
                    ticks == 0 ? 0 : 100.0 * lateTicks / ticks, maxLag / 1e6);
            if (echo != null) {
                System.out.printf("generator CPU %.1f %% of one core (fake callers and echo model together)%n", selfCoreShare * 100);
            } else {
                System.out.printf("generator CPU %.1f %% of one core (fake callers)%n", selfCoreShare * 100);
                if (echoAlive) System.out.printf("echo model CPU %.1f %% of one core (pid %d)%n", echoCoreShare * 100, echoPid);
                else System.out.printf("echo model (pid %d) ended during the measuring window%n", echoPid);
            }
            return serverAlive && echoAlive ? 0 : 1;
        } finally {
            if (echo != null) echo.close();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Signed POST /incoming-call per call, {@code parallel} at a time, each followed at once by its media stream. */
    private List<TwilioCaller> connect(URI server, int calls, EventLoopGroup group, NettyTransport transport, Map<EventExecutor, CallerLoop> loops,
                                       int parallel) throws Exception {
        String hostPort = server.getHost() + ":" + server.getPort();
        String signature = sign(LoadServer.PUBLIC_URL.replaceFirst("^https", "wss") + "/media-stream", Map.of());
        Bootstrap base = new Bootstrap().group(group).channel(transport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
        List<TwilioCaller> live = new ArrayList<>();
        List<CompletableFuture<Void>> connecting = new ArrayList<>();
        Semaphore permits = new Semaphore(parallel);
        long start = System.nanoTime();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build()) {
            for (int i = 0; i < calls; i++) {
                int n = i + 1;
                String callSid = String.format("CA%032d", n);
                permits.acquire();
                CompletableFuture<Void> one = incomingCall(http, server, callSid, i)
                        .whenComplete((twiml, failure) -> permits.release())
                        .thenCompose(twiml -> {
                            Matcher id = CALL_ID.matcher(twiml);
                            Matcher token = TOKEN.matcher(twiml);
                            if (!id.find() || !token.find()) throw new IllegalStateException("no stream in TwiML: " + twiml);
                            TwilioCaller caller = new TwilioCaller(loops, n, hostPort, "/media-stream", signature, callSid, id.group(1), token.group(1));
                            ChannelFuture channel = base.clone().handler(caller).connect(server.getHost(), server.getPort());
                            channel.addListener(f -> {
                                if (!f.isSuccess()) caller.up.completeExceptionally(f.cause());
                            });
                            return caller.up;
                        })
                        .orTimeout(30, TimeUnit.SECONDS)
                        .handle((caller, failure) -> {
                            if (failure != null) {
                                if (handshakeFailures.incrementAndGet() <= 3) System.out.println("call " + n + " failed: " + failure);
                            } else {
                                synchronized (live) {
                                    live.add(caller);
                                }
                            }
                            return null;
                        });
                connecting.add(one);
            }
            CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).join();
        }
        System.out.printf("%d streams up in %d ms (%d failed), %d at a time%n", live.size(), (System.nanoTime() - start) / 1_000_000,
                handshakeFailures.get(), parallel);
        return live;
    }

    private CompletableFuture<String> incomingCall(HttpClient http, URI server, String callSid, int n) {
        Map<String, String> form = new TreeMap<>();
        form.put("AccountSid", "ACload");
        form.put("CallSid", callSid);
        form.put("CallStatus", "ringing");
        form.put("Direction", "inbound");
        form.put("From", "+1555" + (2_000_000 + n));
        form.put("To", LoadServer.NUMBER.e164());
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.sendAsync(HttpRequest.newBuilder(server.resolve("/incoming-call")).timeout(Duration.ofSeconds(20))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("X-Twilio-Signature", sign(LoadServer.PUBLIC_URL + "/incoming-call", form))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(HttpResponse::body);
    }

    /** Twilio's X-Twilio-Signature: HMAC-SHA1 of the URL and the sorted parameters, keyed by the auth token. */
    private static String sign(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean alive(long pid) {
        return pid <= 0 || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static long selfCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** utime + stime of a process, in clock ticks (USER_HZ = 100 on Linux). */
    private static long cpuTicks(long pid) {
        return statField(pid, 11) + statField(pid, 12);
    }

    /** stime of a process (time in the kernel: system calls, and loopback delivery to the receiving socket), in clock ticks. */
    private static long sysTicks(long pid) {
        return statField(pid, 12);
    }

    private static long statField(long pid, int index) {
        if (pid <= 0) return 0;
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[index]);
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
