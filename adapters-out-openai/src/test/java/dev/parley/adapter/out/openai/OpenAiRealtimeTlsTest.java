package dev.parley.adapter.out.openai;

import dev.parley.application.conversation.port.out.ConversationBrief;
import dev.parley.application.conversation.port.out.ConversationListener;
import dev.parley.application.conversation.port.out.ConversationSession;
import io.micronaut.json.JsonMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.parley.adapter.out.openai.testing.Eventually.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * wss:// against a local Netty TLS WebSocket server with a self-signed certificate for "localhost"
 * (made by the JDK's keytool: no extra dependency): the right host connects and sends SNI, a host the
 * certificate does not name and an untrusted certificate are both refused as "unreachable".
 */
class OpenAiRealtimeTlsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static KeyStore keys;
    private static TrustManagerFactory trust;
    private static MultiThreadIoEventLoopGroup serverLoops;
    private static Channel server;
    private static int port;
    private static final List<String> sniNames = new CopyOnWriteArrayList<>();
    private static final List<String> received = new CopyOnWriteArrayList<>();
    private static final List<Throwable> serverErrors = new CopyOnWriteArrayList<>();

    private final JsonMapper json = JsonMapper.createDefault();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ConversationListener listener = new ConversationListener() {
        public void assistantAudio(String itemId, String p) { events.add("audio"); }
        public void callerSpeechStarted(String itemId, long ms) { events.add("started"); }
        public void callerSpeechStopped(String itemId, long ms) { events.add("stopped"); }
        public void callerTranscript(String itemId, String text, double c) { events.add("caller"); }
        public void assistantTranscript(String itemId, String text) { events.add("assistant"); }
        public void toolCall(String callId, String name, String args) { events.add("tool"); }
        public void responseDone() { events.add("done"); }
        public void malformedEvent() { events.add("malformed"); }
        public void closed(String reason, boolean unexpected) { events.add("closed:" + reason + ":" + unexpected); }
    };
    private final ConversationBrief brief = new ConversationBrief("Be brief.", "marin", 0.8, List.of());
    private OpenAiConversationModel model;

    @BeforeAll
    static void start() throws Exception {
        InetAddress localhost = InetAddress.getByName("localhost");
        Assumptions.assumeTrue(localhost instanceof Inet4Address && localhost.isLoopbackAddress(), "localhost is not 127.0.0.1 here");
        Path store = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Assumptions.assumeTrue(Files.isExecutable(keytool), "no keytool in this Java runtime");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "realtime", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit", "-noprompt")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("realtime", keys.getCertificate("realtime"));
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);

        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SslContext serverTls = SslContextBuilder.forServer(kmf).build();
        WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder().websocketPath("/v1/realtime").checkStartsWith(true).build();
        serverLoops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        server = new ServerBootstrap().group(serverLoops).channelFactory(NioServerSocketChannel::new)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new SniHandler(host -> {
                            sniNames.add(String.valueOf(host));
                            return serverTls;
                        }), new HttpServerCodec(), new HttpObjectAggregator(65_536), new WebSocketServerProtocolHandler(ws),
                                new ChannelInboundHandlerAdapter() {
                                    @Override
                                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                        try {
                                            if (msg instanceof TextWebSocketFrame text) {
                                                received.add(text.text());
                                                if (text.text().contains("\"session.update\""))
                                                    ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"response.done\"}"));
                                            }
                                        } finally {
                                            ReferenceCountUtil.release(msg);
                                        }
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        serverErrors.add(cause);
                                        ctx.close();
                                    }
                                });
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        port = ((InetSocketAddress) server.localAddress()).getPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close().syncUninterruptibly();
        if (serverLoops != null) serverLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @AfterEach
    void closeModel() {
        if (model != null) model.close();
        sniNames.clear();
        received.clear();
        serverErrors.clear();
    }

    private OpenAiConversationModel model(String host, TrustManagerFactory trustManagers) {
        model = new OpenAiConversationModel(new OpenAiProperties("sk-test", "https://api.openai.com/v1",
                "wss://" + host + ":" + port + "/v1/realtime", "gpt-realtime"), json, 1, trustManagers);
        return model;
    }

    @Test
    void theRightHostConnectsOverTlsWithSni() {
        ConversationSession session = model("localhost", trust).open(brief, listener);
        until(WAIT, () -> events.contains("done"), "the server's event over TLS");
        assertThat(received).singleElement().satisfies(m -> assertThat(m).contains("\"session.update\""));
        assertThat(sniNames).containsExactly("localhost");
        session.appendAudio("AAAA");
        until(WAIT, () -> received.size() == 2);
        session.close();
        until(WAIT, () -> model.openChannels() == 0);
        assertThat(events).containsExactly("done");
    }

    @Test
    void aHostTheCertificateDoesNotNameIsRefused() {
        model("127.0.0.1", trust).open(brief, listener);
        until(WAIT, () -> events.contains("closed:unreachable:true"));
        assertThat(events).containsExactly("closed:unreachable:true");
        assertThat(received).as("no WebSocket traffic").isEmpty();
        until(WAIT, () -> !serverErrors.isEmpty(), "the server to see the client abort the TLS handshake");
        assertThat(sniNames).as("no SNI for an IP address").containsExactly("null");
    }

    @Test
    void anUntrustedCertificateIsRefused() {
        model("localhost", null).open(brief, listener);
        until(WAIT, () -> events.contains("closed:unreachable:true"));
        assertThat(events).containsExactly("closed:unreachable:true");
        assertThat(received).isEmpty();
    }
}
