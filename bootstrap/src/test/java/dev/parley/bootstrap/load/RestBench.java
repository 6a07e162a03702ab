package dev.parley.bootstrap.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open-loop REST benchmark (README: "Start-up, footprint and images"). Signs up a fresh user on a running
 * Parley, signs in, creates a few custom scenarios, then for each path sends authenticated {@code GET}s at a
 * constant rate: request {@code i} is due at {@code start + i / rate}, whatever happened to the earlier ones,
 * and its latency is measured from that due time to the last byte of the answer, so a stall is charged to every
 * request that should have been sent during it (no coordinated omission). Requests go out over a fixed set of
 * keep-alive HTTP/1.1 connections (one platform thread each); a due request waits for a free connection, and that
 * wait counts. Every latency is kept, so percentiles are exact.
 *
 * <p>Depends on the JDK only; the script {@code scripts/bench-rest.sh} runs it with the source launcher.
 * With {@code --server-pid} it also reports the server's CPU time per request (user + system, from /proc), a figure
 * that neighbours on a shared machine disturb much less than the percentiles.
 * Arguments: {@code --server http://127.0.0.1:5072 --rate 500 --seconds 20 --warm-up 5 --connections 16
 * --paths /users/me,/custom-scenarios,/api/calls --server-pid 1234}.
 */
public final class RestBench {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String host;
    private final int port;
    private final String token;
    private final int connections;

    RestBench(String host, int port, String token, int connections) {
        this.host = host;
        this.port = port;
        this.token = token;
        this.connections = connections;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        URI server = URI.create(o.getOrDefault("server", "http://127.0.0.1:5072"));
        int rate = Integer.parseInt(o.getOrDefault("rate", "500"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        int warmUp = Integer.parseInt(o.getOrDefault("warm-up", "5"));
        int connections = Integer.parseInt(o.getOrDefault("connections", "16"));
        List<String> paths = List.of(o.getOrDefault("paths", "/users/me,/custom-scenarios,/api/calls").split(","));
        long serverPid = Long.parseLong(o.getOrDefault("server-pid", "-1"));

        String token = signIn(server, Integer.parseInt(o.getOrDefault("scenarios", "3")));
        RestBench bench = new RestBench(server.getHost(), server.getPort(), token, connections);
        System.out.printf("server %s, %d req/s, %d s measured after %d s warm-up per path, %d connections, load average %s%n",
                server, rate, seconds, warmUp, connections, loadAverage());
        System.out.printf("%-20s %8s %7s %7s %7s %7s %7s %8s %6s %8s%n", "path", "requests", "p50 ms", "p90", "p99", "p99.9", "max",
                "achieved", "errors", "CPU µs");
        for (String path : paths) {
            if (warmUp > 0) bench.run(path, rate, warmUp);
            long cpuBefore = cpuTicks(serverPid);
            Result r = bench.run(path, rate, seconds);
            long cpu = cpuTicks(serverPid) - cpuBefore;
            System.out.printf("%-20s %8d %7.2f %7.2f %7.2f %7.2f %7.2f %8.0f %6d %8s%n", path, r.latencies.length, r.percentile(0.50),
                    r.percentile(0.90), r.percentile(0.99), r.percentile(0.999), r.percentile(1.0), r.achievedRate, r.errors,
                    serverPid < 0 ? "-" : String.valueOf(cpu * 10_000 / Math.max(1, r.latencies.length)));
        }
        System.out.println("load average after: " + loadAverage());
    }

    /** The server's user + system CPU time in clock ticks (1/100 s) from /proc, or 0. */
    static long cpuTicks(long pid) {
        if (pid < 0) return 0;
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Registers a fresh user, signs in, creates {@code scenarios} custom scenarios; returns the access token. */
    static String signIn(URI server, int scenarios) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"bench_password_1\"}";
        post(http, server.resolve("/auth/register"), credentials, null);
        String login = post(http, server.resolve("/auth/login"), credentials, null);
        Matcher m = ACCESS_TOKEN.matcher(login);
        if (!m.find()) throw new IllegalStateException("no access token in " + login);
        String token = m.group(1);
        for (int i = 0; i < scenarios; i++) {
            post(http, server.resolve("/custom-scenarios"), "{\"persona\":\"A calm assistant " + i + "\","
                    + "\"prompt\":\"Ask how the day went and say goodbye.\",\"voice_type\":\"alloy\",\"temperature\":0.7}", token);
        }
        return token;
    }

    private static String post(HttpClient http, URI uri, String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) throw new IllegalStateException(uri + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    record Result(long[] latencies, long errors, double achievedRate) {
        /** The p-quantile in ms (nearest rank); the maximum for p = 1. */
        double percentile(double p) {
            if (latencies.length == 0) return Double.NaN;
            int rank = (int) Math.ceil(p * latencies.length);
            return latencies[Math.min(latencies.length, Math.max(1, rank)) - 1] / 1e6;
        }
    }

    /** {@code rate × seconds} requests of {@code path}, due at a constant rate. */
    Result run(String path, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long period = 1_000_000_000L / rate;
        BlockingQueue<Long> due = new ArrayBlockingQueue<>(total + connections);
        long[] latencies = new long[total];
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Connection connection = new Connection(host, port);
            Thread t = Thread.ofPlatform().name("bench-" + c).daemon().start(() -> {
                try {
                    while (true) {
                        long dueAt = due.take();
                        if (dueAt < 0) return;
                        int status;
                        try {
                            status = connection.exchange(request);
                        } catch (IOException e) {
                            status = -1;
                            connection.reset();
                        }
                        long latency = System.nanoTime() - dueAt;
                        if (status != 200) errors.incrementAndGet();
                        int slot = (int) done.getAndIncrement();
                        if (slot < latencies.length) latencies[slot] = latency;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            workers.add(t);
        }
        long start = System.nanoTime() + 10_000_000L;
        for (int i = 0; i < total; i++) {
            long at = start + i * period;
            long wait;
            while ((wait = at - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
            due.add(at);
        }
        for (int c = 0; c < connections; c++) due.add(-1L);
        for (Thread t : workers) t.join(TimeUnit.SECONDS.toMillis(60));
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, (int) Math.min(done.get(), total));
        Arrays.sort(sorted);
        return new Result(sorted, errors.get(), sorted.length / elapsed);
    }

    /** One keep-alive HTTP/1.1 connection; reads a whole answer (Content-Length or chunked). */
    static final class Connection {
        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(String host, int port) {
            this.host = host;
            this.port = port;
        }

        void reset() {
            try {
                if (socket != null) socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }

        int exchange(byte[] request) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), 5_000);
                socket.setSoTimeout(30_000);
                in = new BufferedInputStream(socket.getInputStream(), 65_536);
                out = socket.getOutputStream();
            }
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h; !(h = line()).isEmpty(); ) {
                String lower = h.toLowerCase();
                if (lower.startsWith("content-length:")) length = Long.parseLong(lower.substring(15).trim());
                else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
                else if (lower.startsWith("connection:") && lower.contains("close")) close = true;
            }
            if (chunked) {
                for (long size; (size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0; ) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            if (close) reset();
            return status;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long s = in.skip(n);
                if (s <= 0) {
                    if (in.read() < 0) throw new IOException("closed in the body");
                    s = 1;
                }
                n -= s;
            }
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) throw new IOException("closed");
                if (c != '\r') b.append((char) c);
            }
            return b.toString();
        }
    }
}
