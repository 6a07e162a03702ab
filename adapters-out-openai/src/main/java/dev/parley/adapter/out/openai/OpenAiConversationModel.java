package dev.parley.adapter.out.openai;

import dev.parley.application.conversation.port.out.ConversationBrief;
import dev.parley.application.conversation.port.out.ConversationListener;
import dev.parley.application.conversation.port.out.ConversationModel;
import dev.parley.application.conversation.port.out.ConversationSession;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandle;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocalThread;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link ConversationModel} on the OpenAI Realtime API (GA protocol): one WebSocket per call to
 * OPENAI_REALTIME_URL?model=OPENAI_REALTIME_MODEL with a Bearer key. Audio is G.711 μ-law both ways
 * ({@code audio/pcmu}), so the carrier's payloads pass through untouched.
 *
 * <p>The socket is a Netty channel, not the JDK client that TOOLCHAIN.md first recommended: the JDK
 * client reads on its own selector thread and hands every message to an executor and back, which
 * at 50 frames a second each way per call cost more CPU than the bridge may spend. When the call's
 * carrier stream runs on a Netty event loop ({@code affinity}), the Realtime channel is registered on
 * that same loop, so a call's two sockets share one thread and no frame changes threads. Otherwise it
 * runs on this adapter's own small NIO group ({@code openai-realtime-N} daemon threads).
 *
 * <p>The event loop never blocks: the host is resolved on a virtual thread before the connection
 * reaches the loop, and the TLS context (SNI and HTTPS hostname verification on) is built once, here.
 */
@Singleton
@Requires(property = "parley.conversation.model", notEquals = "simulated") // the simulated assistant stands in (CONVERSATION_MODEL)
class OpenAiConversationModel implements ConversationModel, AutoCloseable {
    static final String TRANSCRIPTION_MODEL = "gpt-4o-mini-transcribe";
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final int HANDSHAKE_TIMEOUT_MILLIS = 5_000;
    /** The largest server event, after continuation frames are joined (Realtime events can run to several MiB). */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /** Above the high mark the socket is not writable and caller audio is dropped (about 25 s of μ-law frames at 128 KiB). */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 128 * 1024);
    private static final ChannelFactory<NioSocketChannel> NIO = NioSocketChannel::new;

    private final OpenAiProperties properties;
    private final JsonMapper json;
    private final URI endpoint;
    private final String host;
    private final int port;
    /** Set when the host is an IP literal: nothing to resolve. */
    private final InetAddress literal;
    private final SslContext tls;
    private final WebSocketClientProtocolConfig handshake;
    /** For calls whose carrier offers no usable event loop; its threads start on first use. */
    private final MultiThreadIoEventLoopGroup group;
    /** Every open Realtime channel, whichever loop it runs on. */
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();

    OpenAiConversationModel(OpenAiProperties properties, JsonMapper json) {
        this(properties, json, 0);
    }

    /** @param threads threads of the adapter's own event loop group (used when a call offers no Netty event loop); 0 = one per core */
    @Inject
    OpenAiConversationModel(OpenAiProperties properties, JsonMapper json, @Value("${parley.openai.realtime-threads:0}") int threads) {
        this(properties, json, threads, null);
    }

    /** @param trust whom TLS trusts; null for the JDK's default trust store */
    OpenAiConversationModel(OpenAiProperties properties, JsonMapper json, int threads, TrustManagerFactory trust) {
        this.properties = properties;
        this.json = json;
        String base = properties.realtimeUrl();
        this.endpoint = URI.create(base + (base.contains("?") ? "&" : "?") + "model="
                + URLEncoder.encode(properties.realtimeModel(), StandardCharsets.UTF_8));
        boolean secure = "wss".equalsIgnoreCase(endpoint.getScheme());
        if (!secure && !"ws".equalsIgnoreCase(endpoint.getScheme()))
            throw new IllegalArgumentException("OPENAI_REALTIME_URL must be a ws:// or wss:// URL");
        String h = endpoint.getHost();
        this.host = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        this.port = endpoint.getPort() > 0 ? endpoint.getPort() : secure ? 443 : 80;
        byte[] ip = NetUtil.createByteArrayFromIpAddressString(host);
        try {
            this.literal = ip == null ? null : InetAddress.getByAddress(host, ip);
            this.tls = secure ? SslContextBuilder.forClient().trustManager(trust).endpointIdentificationAlgorithm("HTTPS").build() : null;
        } catch (UnknownHostException | SSLException e) {
            throw new IllegalStateException("Cannot set up the OpenAI Realtime connection", e);
        }
        this.handshake = handshake(endpoint);
        AtomicInteger n = new AtomicInteger();
        this.group = new MultiThreadIoEventLoopGroup(threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new FastThreadLocalThread(r, "openai-realtime-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, NioIoHandler.newFactory());
    }

    /** The WebSocket handshake to {@code uri} with the server's key. */
    private WebSocketClientProtocolConfig handshake(URI uri) {
        return WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .version(WebSocketVersion.V13)
                .customHeaders(new DefaultHttpHeaders().add(HttpHeaderNames.AUTHORIZATION, "Bearer " + properties.apiKey()))
                .maxFramePayloadLength(MAX_MESSAGE_BYTES)
                .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
                .handleCloseFrames(false)   // the session sees the server's close frame and decides
                .sendCloseFrame(null)       // and sends its own, once, from close()
                .dropPongFrames(true)
                .generateOriginHeader(false)
                .withUTF8Validator(false)   // malformed text fails parsing and is reported as such
                .build();
    }

    @Override
    public ConversationSession open(ConversationBrief brief, ConversationListener listener, Executor affinity) {
        Transport transport = transportFor(affinity);
        return connect(new OpenAiRealtimeSession(listener, json, transport.loop(), sessionUpdate(brief)), transport, handshake);
    }

    /**
     * Attaches a sideband to the vendor's WebRTC call {@code callId} (OPENAI_REALTIME_URL?call_id=…, the server's key). Its
     * first message declares the tools the server runs ({@code session.update} with the tools only: instructions, voice and
     * audio stay as the call was briefed when it was connected); no audio passes; the service closing it ends the call.
     */
    OpenAiRealtimeSession sideband(String callId, List<ConversationBrief.Tool> tools, ConversationListener listener) {
        String base = properties.realtimeUrl();
        URI uri = URI.create(base + (base.contains("?") ? "&" : "?") + "call_id=" + URLEncoder.encode(callId, StandardCharsets.UTF_8));
        Transport transport = transportFor(null);
        return connect(new OpenAiRealtimeSession(listener, json, transport.loop(), toolsUpdate(tools), true), transport, handshake(uri));
    }

    /** A GA {@code session.update} that sets the tools and nothing else. */
    String toolsUpdate(List<ConversationBrief.Tool> tools) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("type", "realtime");
        session.put("tools", tools.stream().map(this::tool).toList());
        session.put("tool_choice", "auto");
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("type", "session.update");
        update.put("session", session);
        try {
            return json.writeValueAsString(update);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OpenAiRealtimeSession connect(OpenAiRealtimeSession session, Transport transport, WebSocketClientProtocolConfig handshake) {
        Bootstrap bootstrap = new Bootstrap()
                .group(transport.loop())
                .channelFactory(transport.channels())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .disableResolver() // the address is resolved before it reaches the loop
                .handler(pipeline(session, handshake));
        if (literal != null) connect(session, bootstrap, new InetSocketAddress(literal, port));
        else Thread.ofVirtual().name("openai-resolve").start(() -> resolveAndConnect(session, bootstrap)); // open() returns at once
        return session;
    }

    /** On a thread that may block (the JDK resolver does), never on an event loop. */
    private void resolveAndConnect(OpenAiRealtimeSession session, Bootstrap bootstrap) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            onLoop(session, () -> session.unreachable(e));
            return;
        }
        connect(session, bootstrap, new InetSocketAddress(address, port));
    }

    private void connect(OpenAiRealtimeSession session, Bootstrap bootstrap, InetSocketAddress address) {
        onLoop(session, () -> session.connect(bootstrap, address));
    }

    private static void onLoop(OpenAiRealtimeSession session, Runnable task) {
        EventLoop loop = session.loop();
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // the carrier's loop is shutting down: there is no call left to connect
            session.close();
        }
    }

    private ChannelInitializer<Channel> pipeline(OpenAiRealtimeSession session, WebSocketClientProtocolConfig handshake) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                channels.add(ch);
                ch.closeFuture().addListener(f -> channels.remove(ch));
                ChannelPipeline p = ch.pipeline();
                if (tls != null) p.addLast(sslHandler(ch));
                p.addLast(new HttpClientCodec(),
                        new HttpObjectAggregator(64 * 1024),              // the handshake response
                        new WebSocketClientProtocolHandler(handshake),
                        new WebSocketFrameAggregator(MAX_MESSAGE_BYTES),  // continuation frames joined
                        session);
            }
        };
    }

    private SslHandler sslHandler(Channel ch) {
        SslHandler ssl = tls.newHandler(ch.alloc(), host, port);
        SSLEngine engine = ssl.engine();
        SSLParameters params = engine.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (literal == null) params.setServerNames(List.of(new SNIHostName(host)));
        engine.setSSLParameters(params);
        ssl.setHandshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS);
        return ssl;
    }

    /** The loop and socket type for a call: the carrier's own loop when a client socket can run there. */
    Transport transportFor(Executor affinity) {
        if (affinity instanceof IoEventLoop loop && !loop.isShuttingDown()) {
            if (loop.isCompatible(NioIoHandle.class)) return new Transport(loop, NIO);
            ChannelFactory<? extends Channel> epoll = EpollSockets.forLoop(loop);
            if (epoll != null) return new Transport(loop, epoll);
        }
        return new Transport(group.next(), NIO);
    }

    record Transport(EventLoop loop, ChannelFactory<? extends Channel> channels) {
    }

    /** Realtime channels still open. */
    int openChannels() {
        return channels.size();
    }

    /**
     * The GA {@code session.update}: μ-law in and out, server VAD, input transcription (in the brief's language when it
     * names one: an organization's), the tools. GA sessions take no temperature.
     */
    String sessionUpdate(ConversationBrief brief) {
        Map<String, Object> turnDetection = new LinkedHashMap<>();
        turnDetection.put("type", "server_vad");
        turnDetection.put("threshold", 0.5);
        turnDetection.put("prefix_padding_ms", 300);
        turnDetection.put("silence_duration_ms", 500);
        turnDetection.put("create_response", true);
        turnDetection.put("interrupt_response", true);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("format", Map.of("type", "audio/pcmu"));
        Map<String, Object> transcription = new LinkedHashMap<>();
        transcription.put("model", TRANSCRIPTION_MODEL);
        if (brief.transcriptionLanguage() != null && !brief.transcriptionLanguage().isBlank())
            transcription.put("language", brief.transcriptionLanguage());
        input.put("transcription", transcription);
        input.put("turn_detection", turnDetection);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("format", Map.of("type", "audio/pcmu"));
        output.put("voice", brief.voice());
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("type", "realtime");
        session.put("model", properties.realtimeModel());
        session.put("instructions", brief.instructions());
        session.put("output_modalities", List.of("audio"));
        session.put("audio", Map.of("input", input, "output", output));
        session.put("tools", brief.tools().stream().map(this::tool).toList());
        session.put("tool_choice", "auto");
        session.put("include", List.of("item.input_audio_transcription.logprobs"));
        try {
            return json.writeValueAsString(Map.of("type", "session.update", "session", session));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> tool(ConversationBrief.Tool tool) {
        return RealtimeFunctionTool.of(json, tool.name(), tool.description(), tool.parametersJsonSchema());
    }

    /** Closes every Realtime channel (their calls hear "disconnected") and stops the adapter's own threads. */
    @Override
    @PreDestroy
    public void close() {
        for (Channel ch : channels) ch.close();
        var terminated = group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        for (EventExecutor loop : group) if (loop.inEventLoop()) return;
        terminated.awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
