package dev.parley.bootstrap.load;

import dev.parley.application.tenancy.port.in.RegisterUserUseCase;
import dev.parley.bootstrap.TelephonyStandIns;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.netty.channel.EventLoopGroupConfiguration;
import io.micronaut.http.netty.channel.EventLoopGroupFactory;
import io.micronaut.http.netty.channel.EventLoopGroupRegistry;
import io.micronaut.http.netty.channel.NettyChannelType;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.runtime.Micronaut;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Parley for load runs: the real application (Netty, media-stream socket, bridge, OpenAI adapter,
 * in-memory H2) with the test stand-ins for scenarios and number routing, one tenant owning
 * {@link #NUMBER}. OpenAI is whatever OPENAI_REALTIME_URL points at (the load generator's {@link EchoModel}).
 * Arguments: {@code --port 5099 --openai ws://127.0.0.1:5098/v1/realtime --auth-token load-test-token}.
 */
public final class LoadServer {
    public static final PhoneNumber NUMBER = new PhoneNumber("+15550100000");
    public static final String PUBLIC_URL = "https://load.parley.test";

    private LoadServer() {
    }

    public static void main(String[] args) {
        Map<String, String> a = LoadGenerator.options(args);
        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.server.port", a.getOrDefault("port", "5099"));
        p.put("datasources.default.url", "jdbc:h2:mem:load;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        p.put("parley.public-url", PUBLIC_URL);
        p.put("parley.twilio.account-sid", "ACload");
        p.put("parley.twilio.auth-token", a.getOrDefault("auth-token", LoadGenerator.AUTH_TOKEN));
        p.put("parley.twilio.api-base-url", "http://127.0.0.1:9");
        p.put("parley.openai.api-key", "sk-load");
        p.put("parley.openai.realtime-url", a.getOrDefault("openai", "ws://127.0.0.1:5098/v1/realtime"));
        p.put("parley.secret-key", "load-test-secret-key-" + UUID.randomUUID());
        p.put("parley.password-hashing.memory-kib", 1024);
        p.put("parley.password-hashing.iterations", 1);
        p.put("parley.test.telephony-stand-ins", "true");
        p.put("parley.rate-limit.enabled", "false");
        ApplicationContext context = Micronaut.build(args).mainClass(LoadServer.class).properties(p).start();
        var user = context.getBean(RegisterUserUseCase.class)
                .register(new RegisterUserUseCase.RegisterUserCommand("load-" + UUID.randomUUID() + "@example.com", "load_password_1"));
        context.getBean(TelephonyStandIns.Numbers.class).assign(NUMBER, new TenantId(user.id()), "default");
        System.out.println("LoadServer ready on port " + p.get("micronaut.server.port") + ", pid " + ProcessHandle.current().pid()
                + ", Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + "), Netty transport " + transport(context));
    }

    /** The server socket channel Micronaut's HTTP server uses (its worker event loop configuration decides). */
    private static String transport(ApplicationContext context) {
        try {
            EventLoopGroupConfiguration worker = context.getBean(NettyHttpServerConfiguration.class).getWorker();
            if (worker == null) {
                worker = context.getBean(EventLoopGroupRegistry.class)
                        .getEventLoopGroupConfiguration(EventLoopGroupConfiguration.DEFAULT).orElse(null);
            }
            return context.getBean(EventLoopGroupFactory.class).channelClass(NettyChannelType.SERVER_SOCKET, worker).getSimpleName();
        } catch (RuntimeException | LinkageError e) {
            return "unknown (" + e + ")";
        }
    }
}
