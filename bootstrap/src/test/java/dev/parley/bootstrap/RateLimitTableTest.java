package dev.parley.bootstrap;

import io.lettuce.core.RedisClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Seed 004's whole rate-limit table over HTTP: each limit answers 429 (problem shape, Retry-After,
 * X-RateLimit-*) at N+1 within its window and serves again after it; authenticated routes count per user,
 * anonymous ones per client address; two instances on one Redis share the budget; the switch turns all off.
 * The window is shortened to a few seconds so "after the window" needs no minute-long wait.
 */
class RateLimitTableTest {
    private static final String WINDOW = "8s";
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) c.close();
    }

    /** One limited route: how to send one request to it, and its budget. */
    record Route(String name, int limit, Supplier<HttpJson.Reply> send) {
    }

    private EmbeddedServer start(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(Map.of("parley.rate-limit.enabled", "true", "parley.rate-limit.window", WINDOW));
        props.putAll(extra);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        closing.add(server.getApplicationContext());
        return server;
    }

    @Test
    void everyAuthenticatedLimitRefusesTheRequestAfterItsBudgetPerUserAndServesAgainAfterTheWindow() throws Exception {
        EmbeddedServer server = start(Map.of("parley.rate-limit.auth-per-minute", "100"));
        HttpJson http = new HttpJson(server, server.getApplicationContext().getBean(JsonMapper.class));
        String ann = (String) http.newUser("table-" + UUID.randomUUID() + "@example.com").get("access_token");
        String bob = (String) http.newUser("table-" + UUID.randomUUID() + "@example.com").get("access_token");
        String anyCall = "/make-call/%2B15055550100/sales";
        List<Route> routes = List.of(
                new Route("GET /protected", 5, () -> http.get("/protected", ann)),
                new Route("POST /schedule-call", 3, () -> http.postJson("/schedule-call", "{}", ann)),
                new Route("GET /make-call (2 immediate calls, shared with /make-custom-call)", 2,
                        () -> http.get(anyCall, ann)),
                new Route("POST /realtime/custom-scenario", 10, () -> http.postJson("/realtime/custom-scenario", "{}", ann)),
                new Route("POST /twilio-transcripts/create-with-media-url", 10,
                        () -> http.postJson("/twilio-transcripts/create-with-media-url", "{}", ann)));
        for (Route route : routes) spend(route);

        // the budgets are Ann's: Bob, from the same address, is served on every route
        assertThat(http.get("/protected", bob).status()).isEqualTo(200);
        assertThat(http.postJson("/schedule-call", "{}", bob).status()).isNotEqualTo(429);
        assertThat(http.get("/make-custom-call/%2B15055550100/nope", bob).status()).isNotEqualTo(429);
        // another spelling of a limited route draws on the same budget
        assertThat(http.get("/make-custom-call/%2B15055550100/nope", ann).status()).isEqualTo(429);
        assertThat(http.get("/make-calendar-call-scenario/%2B15055550100", ann).status()).isEqualTo(429);
        assertThat(http.get("/make-calendar-call-scenario/%2B15055550100", bob).status()).isNotEqualTo(429);
        assertThat(http.get("/make-org-call/%2B15055550100/1", ann).status()).isEqualTo(429);
        assertThat(http.postJson("/custom-scenarios", "{}", ann).status()).isEqualTo(429);
        // a request without a token is refused by security (401) and spends nobody's budget
        assertThat(http.get("/protected", null).status()).isEqualTo(401);
        // routes outside the table are not limited and carry no rate-limit headers
        HttpJson.Reply me = http.get("/users/me", ann);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("X-RateLimit-Limit")).isNull();

        for (Route route : routes) assertServedAgain(route);
        HttpJson.Reply again = http.get("/protected", ann);
        assertThat(again.map()).containsKeys("message", "user");
        assertThat(again.map().get("user").toString()).contains("id=", "email=");
    }

    @Test
    void everyAnonymousLimitCountsPerClientAddressAndServesAgainAfterTheWindow() throws Exception {
        EmbeddedServer server = start(Map.of());
        HttpJson http = new HttpJson(server, server.getApplicationContext().getBean(JsonMapper.class));
        String attempt = "{\"email\":\"nobody@example.com\",\"password\":\"guess_number_1\"}";
        Route login = new Route("POST /auth/login (5, shared with /auth/register and /token)", 5,
                () -> http.postJson("/auth/login", attempt, null));
        Route refresh = new Route("POST /auth/refresh", 10, () -> http.postJson("/auth/refresh", "{\"refresh_token\":\"x\"}", null));
        spend(login);
        spend(refresh);
        assertThat(http.postForm("/token", "grant_type=password&username=a%40example.com&password=x", null).status()).isEqualTo(429);
        assertThat(http.postJson("/auth/register", attempt, null).status()).isEqualTo(429);
        assertServedAgain(login);
        assertServedAgain(refresh);
    }

    @Test
    void twoInstancesSharingOneRedisShareTheBudget() throws Exception {
        String uri = System.getProperty("parley.test.redis.uri", "redis://127.0.0.1:6379");
        if (!redisAnswers(uri)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError("CI=true requires Redis at " + uri);
            assumeTrue(false, "Redis not reachable at " + uri);
        }
        Map<String, Object> shared = Map.of("redis.uri", uri, "parley.events.channel", "parley:test:" + UUID.randomUUID(),
                "parley.rate-limit.redis-prefix", "parley:test:rate-limit:" + UUID.randomUUID() + ":",
                "parley.rate-limit.window", "1m");
        EmbeddedServer a = start(shared);
        EmbeddedServer b = start(shared);
        JsonMapper json = a.getApplicationContext().getBean(JsonMapper.class);
        HttpJson onA = new HttpJson(a, json);
        HttpJson onB = new HttpJson(b, json);
        String attempt = "{\"email\":\"nobody@example.com\",\"password\":\"guess_number_1\"}";
        for (int i = 0; i < 3; i++) assertThat(onA.postJson("/auth/login", attempt, null).status()).isEqualTo(401);
        HttpJson.Reply fourth = onB.postJson("/auth/login", attempt, null);
        assertThat(fourth.status()).isEqualTo(401);
        assertThat(fourth.header("X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(onB.postJson("/auth/login", attempt, null).status()).isEqualTo(401);
        assertThat(onA.postJson("/auth/login", attempt, null).status()).isEqualTo(429);
        assertThat(onB.postJson("/auth/login", attempt, null).status()).isEqualTo(429);
    }

    @Test
    void theSwitchTurnsEveryLimitOff() {
        EmbeddedServer server = start(Map.of("parley.rate-limit.enabled", "false"));
        HttpJson http = new HttpJson(server, server.getApplicationContext().getBean(JsonMapper.class));
        String attempt = "{\"email\":\"nobody@example.com\",\"password\":\"guess_number_1\"}";
        for (int i = 0; i < 12; i++) {
            HttpJson.Reply reply = http.postJson("/auth/login", attempt, null);
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.header("X-RateLimit-Limit")).isNull();
        }
    }

    /** Spends the whole budget (each answer counting down in X-RateLimit-Remaining), then expects the 429. */
    private static void spend(Route route) {
        for (int i = 0; i < route.limit(); i++) {
            HttpJson.Reply reply = route.send().get();
            assertThat(reply.status()).as(route.name() + " request " + (i + 1) + ": " + reply.body()).isNotEqualTo(429);
            assertThat(reply.header("X-RateLimit-Limit")).as(route.name()).isEqualTo(Integer.toString(route.limit()));
            assertThat(reply.header("X-RateLimit-Remaining")).as(route.name()).isEqualTo(Integer.toString(route.limit() - 1 - i));
        }
        HttpJson.Reply limited = route.send().get();
        assertThat(limited.status()).as(route.name() + " request " + (route.limit() + 1)).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.map()).containsEntry("status_code", 429).containsEntry("code", "rate.limited");
        assertThat(limited.map().get("detail").toString()).contains(route.limit() + " requests");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(limited.header("X-RateLimit-Limit")).isEqualTo(Integer.toString(route.limit()));
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
    }

    private static void assertServedAgain(Route route) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        int status = 429;
        while (status == 429 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = route.send().get().status();
        }
        assertThat(status).as(route.name() + " served again after the window").isNotEqualTo(429);
    }

    private static boolean redisAnswers(String uri) {
        RedisClient client = RedisClient.create(uri);
        try (var connection = client.connect()) {
            return "PONG".equals(connection.sync().ping());
        } catch (RuntimeException e) {
            return false;
        } finally {
            client.shutdown();
        }
    }

}
