package dev.parley.adapter.out.openai.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A local stand-in for the OpenAI Realtime API: a real WebSocket server (RFC 6455 over plain
 * sockets, one virtual thread per connection) speaking the GA event protocol. It answers
 * {@code session.update} with {@code session.updated}, can echo every {@code input_audio_buffer.append}
 * back as {@code response.output_audio.delta} (the load test's "model"), can refuse handshakes
 * (unreachable) or drop connections after N messages, and lets tests push any server event. Sideband
 * connections ({@code ?call_id=rtc_…}, attaching to a WebRTC call) are served like any other and found by
 * their call id; they can be refused on their own.
 */
public final class FakeRealtimeServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** One client connection as the server sees it. */
    public final class Connection {
        private final Socket socket;
        private final OutputStream out;
        public final String requestTarget;
        public final Map<String, String> headers;
        private final List<String> received = new CopyOnWriteArrayList<>();
        private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        private final int number;
        private volatile boolean open = true;
        private volatile boolean closedByClient;
        private volatile int closeCode = -1;
        private volatile String closeReason;
        private volatile boolean paused;
        private volatile int pauseAfterMessages = -1;
        private long echoed;

        Connection(Socket socket, OutputStream out, String requestTarget, Map<String, String> headers, int number) {
            this.socket = socket;
            this.out = out;
            this.requestTarget = requestTarget;
            this.headers = headers;
            this.number = number;
        }

        /** The vendor call a sideband connection attaches to ({@code ?call_id=}); null for a model connection. */
        public String callId() {
            return FakeRealtimeServer.callId(requestTarget);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** Every text message received, in order. */
        public List<String> received() {
            return Collections.unmodifiableList(new ArrayList<>(received));
        }

        /** Received messages of one {@code type}. */
        public List<String> received(String type) {
            return received().stream().filter(m -> m.contains("\"type\":\"" + type + "\"")).toList();
        }

        /** Waits for the next message of {@code type}; null on time-out. */
        public String awaitMessage(String type, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) return null;
                    String m = inbox.poll(left, TimeUnit.NANOSECONDS);
                    if (m == null) return null;
                    if (m.contains("\"type\":\"" + type + "\"")) return m;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        public boolean isOpen() {
            return open;
        }

        /** The client sent a close frame (rather than the connection just dropping). */
        public boolean closedByClient() {
            return closedByClient;
        }

        public int number() {
            return number;
        }

        /** The status code of the client's close frame; -1 before one arrived (or when it had none). */
        public int closeCode() {
            return closeCode;
        }

        public String closeReason() {
            return closeReason;
        }

        /** Stops reading from the socket, as a stalled service would: the client's writes back up. */
        public void pauseReading() {
            paused = true;
        }

        /**
         * Stops reading once {@code messages} messages have been received in all (the frame the reader
         * may be blocked on still counts): unlike {@link #pauseReading()}, this never races with the
         * reader thread going back to its loop.
         */
        public void pauseReadingAfter(int messages) {
            pauseAfterMessages = messages;
        }

        public void resumeReading() {
            paused = false;
            pauseAfterMessages = -1;
        }

        private boolean readingPaused() {
            return paused || (pauseAfterMessages >= 0 && received.size() >= pauseAfterMessages);
        }

        /** Sends one binary frame. */
        public void sendBinary(byte[] payload) {
            try {
                writeFrame(0x2, payload);
            } catch (IOException e) {
                abort();
            }
        }

        /** Sends one text message split into {@code parts} frames (a text frame and continuation frames). */
        public void sendFragmented(String json, int parts) {
            byte[] all = json.getBytes(StandardCharsets.UTF_8);
            int size = (all.length + parts - 1) / parts;
            try {
                synchronized (this) {
                    for (int from = 0, i = 0; from < all.length; from += size, i++) {
                        int to = Math.min(all.length, from + size);
                        writeFrame(i == 0 ? 0x1 : 0x0, to == all.length, java.util.Arrays.copyOfRange(all, from, to));
                    }
                }
            } catch (IOException e) {
                abort();
            }
        }

        /** Sends a close frame (the service ending the conversation) and keeps the socket open. */
        public void sendClose(int code, String reason) {
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[2 + text.length];
            payload[0] = (byte) (code >>> 8);
            payload[1] = (byte) code;
            System.arraycopy(text, 0, payload, 2, text.length);
            try {
                writeFrame(0x8, payload);
            } catch (IOException e) {
                abort();
            }
        }

        /** Sends one server event (a JSON text frame). */
        public void send(String json) {
            try {
                writeFrame(0x1, json.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                abort();
            }
        }

        /** Drops the TCP connection without a close frame. */
        public void abort() {
            open = false;
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }

        private void writeFrame(int opcode, byte[] payload) throws IOException {
            writeFrame(opcode, true, payload);
        }

        private synchronized void writeFrame(int opcode, boolean fin, byte[] payload) throws IOException {
            int n = payload.length;
            int b0 = (fin ? 0x80 : 0) | opcode;
            byte[] header;
            if (n < 126) header = new byte[]{(byte) b0, (byte) n};
            else if (n < 65536) header = new byte[]{(byte) b0, 126, (byte) (n >>> 8), (byte) n};
            else {
                header = new byte[10];
                header[0] = (byte) b0;
                header[1] = 127;
                for (int i = 0; i < 8; i++) header[2 + i] = (byte) (((long) n) >>> (56 - 8 * i));
            }
            out.write(header);
            out.write(payload);
            out.flush();
        }

        private void onText(String message) {
            received.add(message);
            inbox.add(message);
            String type = field(message, "type");
            if ("session.update".equals(type)) {
                send("{\"type\":\"session.updated\",\"event_id\":\"evt_s" + number + "\",\"session\":{\"type\":\"realtime\"}}");
            } else if (echo && "input_audio_buffer.append".equals(type)) {
                String audio = field(message, "audio");
                if (audio != null) {
                    echoed++;
                    send("{\"type\":\"response.output_audio.delta\",\"event_id\":\"evt_" + number + "_" + echoed
                            + "\",\"response_id\":\"resp_" + number + "\",\"item_id\":\"item_echo_" + number
                            + "\",\"output_index\":0,\"content_index\":0,\"delta\":\"" + audio + "\"}");
                }
            }
            BiConsumer<Connection, String> h = handler;
            if (h != null) h.accept(this, message);
            if (dropAfterMessages > 0 && received.size() >= dropAfterMessages) abort();
        }
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Connection> arrivals = new LinkedBlockingQueue<>();
    private final AtomicInteger handshakes = new AtomicInteger();
    private volatile boolean echo;
    private volatile boolean refusing;
    private volatile boolean refusingSidebands;
    private volatile int refusal = 503;
    private volatile int dropAfterMessages;
    private volatile long handshakeDelayMillis;
    private volatile BiConsumer<Connection, String> handler;

    public FakeRealtimeServer() {
        this(0);
    }

    public FakeRealtimeServer(int port) {
        try {
            server = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = Thread.ofPlatform().daemon().name("fake-realtime-accept").start(this::acceptLoop);
    }

    /** The value for OPENAI_REALTIME_URL. */
    public String url() {
        return "ws://127.0.0.1:" + server.getLocalPort() + "/v1/realtime";
    }

    /** Echo caller audio back as assistant audio. */
    public FakeRealtimeServer echo(boolean on) {
        this.echo = on;
        return this;
    }

    /** Answer handshakes with 503, as an unreachable or failing service would. */
    public FakeRealtimeServer refuse(boolean on) {
        this.refusing = on;
        this.refusal = 503;
        return this;
    }

    /** Answer handshakes with this HTTP status (401 for a bad key, say). */
    public FakeRealtimeServer refuseWith(int status) {
        this.refusing = true;
        this.refusal = status;
        return this;
    }

    /** Answer sideband handshakes ({@code ?call_id=}) with 404, as the service does for a call it does not know; others are served. */
    public FakeRealtimeServer refuseSidebands(boolean on) {
        this.refusingSidebands = on;
        return this;
    }

    /** Answer each handshake only after this delay, as a distant service would. */
    public FakeRealtimeServer delayHandshakes(Duration delay) {
        this.handshakeDelayMillis = delay.toMillis();
        return this;
    }

    /** Drop each connection (no close frame) once it has received this many messages; 0 = never. */
    public FakeRealtimeServer dropAfter(int messages) {
        this.dropAfterMessages = messages;
        return this;
    }

    /** Called for every message each connection receives (after the built-in answers). */
    public FakeRealtimeServer onMessage(BiConsumer<Connection, String> handler) {
        this.handler = handler;
        return this;
    }

    public void reset() {
        echo = false;
        refusing = false;
        refusingSidebands = false;
        refusal = 503;
        dropAfterMessages = 0;
        handshakeDelayMillis = 0;
        handler = null;
        arrivals.clear();
    }

    public List<Connection> connections() {
        return List.copyOf(connections);
    }

    public long openConnections() {
        return connections.stream().filter(Connection::isOpen).count();
    }

    public int handshakes() {
        return handshakes.get();
    }

    /** The sideband connection to vendor call {@code callId}, once its handshake is done; null on time-out. */
    public Connection awaitSideband(String callId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Connection c : connections) if (callId.equals(c.callId())) return c;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** The next connection to complete its handshake; null on time-out. */
    public Connection awaitConnection(Duration timeout) {
        try {
            return arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                Thread.ofVirtual().name("fake-realtime-conn").start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        Connection c = null;
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16_384);
            OutputStream out = socket.getOutputStream();
            String requestLine = readLine(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            handshakes.incrementAndGet();
            long delay = handshakeDelayMillis;
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    return;
                }
            }
            String key = headers.get("sec-websocket-key");
            String[] parts = requestLine.split(" ");
            String target = parts.length > 1 ? parts[1] : "";
            boolean refuseSideband = refusingSidebands && callId(target) != null;
            if (refusing || refuseSideband || key == null) {
                int status = key == null ? 400 : refuseSideband ? 404 : refusal;
                String body = "{\"error\":{\"message\":\"refused\",\"code\":" + status + "}}";
                out.write(("HTTP/1.1 " + status + " Refused\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                        + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                    + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            c = new Connection(socket, out, target, headers, connections.size() + 1);
            connections.add(c);
            arrivals.add(c);
            c.send("{\"type\":\"session.created\",\"event_id\":\"evt_c" + c.number + "\",\"session\":{\"type\":\"realtime\",\"id\":\"sess_"
                    + c.number + "\"}}");
            readFrames(c, in);
        } catch (IOException e) {
            // the connection ended
        } finally {
            if (c != null) c.open = false;
        }
    }

    private void readFrames(Connection c, InputStream in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (c.open) {
            while (c.readingPaused() && c.open) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
            int b0 = in.read();
            if (b0 < 0) return;
            int b1 = read(in);
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            long len = b1 & 0x7F;
            if (len == 126) len = (read(in) << 8) | read(in);
            else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) len = (len << 8) | read(in);
            }
            byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
            byte[] payload = in.readNBytes((int) len);
            if (payload.length < len) return;
            if (mask != null) for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
            switch (opcode) {
                case 0x0, 0x1 -> {
                    message.write(payload);
                    if (fin) {
                        c.onText(message.toString(StandardCharsets.UTF_8));
                        message.reset();
                    }
                }
                case 0x8 -> {
                    if (payload.length >= 2) {
                        c.closeCode = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
                        c.closeReason = new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
                    }
                    c.closedByClient = true;
                    c.writeFrame(0x8, payload.length >= 2 ? new byte[]{payload[0], payload[1]} : new byte[0]);
                    c.abort();
                    return;
                }
                case 0x9 -> c.writeFrame(0xA, payload);
                default -> {
                    // binary and pong frames are ignored
                }
            }
        }
    }

    private static int read(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException();
        return b;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') break;
            if (c != '\r') b.append((char) c);
        }
        if (c < 0 && b.isEmpty()) throw new EOFException();
        return b.toString();
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code call_id} query parameter of a request target, or null. */
    static String callId(String requestTarget) {
        int q = requestTarget.indexOf('?');
        if (q < 0) return null;
        for (String param : requestTarget.substring(q + 1).split("&"))
            if (param.startsWith("call_id=")) return java.net.URLDecoder.decode(param.substring(8), StandardCharsets.UTF_8);
        return null;
    }

    /** A plain string field of a JSON text (no escapes), or null. */
    public static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int k = json.indexOf(key);
        if (k < 0) return null;
        int end = json.indexOf('"', k + key.length());
        return end < 0 ? null : json.substring(k + key.length(), end);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.forEach(Connection::abort);
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
