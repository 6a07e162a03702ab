package dev.parley.bootstrap;

import dev.parley.adapter.out.captcha.SiteverifyStandIn;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004's CAPTCHA on sign-up and sign-in, end to end against a local siteverify stand-in: success lets
 * the request through; a missing, failed, low-score or wrong-action token is a 400 that touches no account;
 * an unreachable provider is a 503 (fail closed); without a secret it is off.
 */
class CaptchaTest {
    private static final String SECRET = "captcha-secret-" + UUID.randomUUID();
    private final SiteverifyStandIn provider = new SiteverifyStandIn()
            .answerByDefault("{\"success\":false,\"error-codes\":[\"invalid-input-response\"]}")
            .answer("good-register", "{\"success\":true,\"score\":0.9,\"action\":\"register\"}")
            .answer("good-login", "{\"success\":true,\"score\":0.9,\"action\":\"login\"}")
            .answer("v2-token", "{\"success\":true}")
            .answer("low-score", "{\"success\":true,\"score\":0.2,\"action\":\"register\"}")
            .answer("login-token", "{\"success\":true,\"score\":0.9,\"action\":\"login\"}");
    private EmbeddedServer server;

    @AfterEach
    void stop() {
        if (server != null) server.getApplicationContext().close();
        provider.close();
    }

    private HttpJson start(String verifyUrl, String secret) {
        Map<String, Object> props = new HashMap<>(Map.of("parley.captcha.verify-url", verifyUrl, "parley.captcha.site-key", "site-key-1"));
        if (secret != null) props.put("parley.captcha.secret-key", secret);
        server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        return new HttpJson(server, server.getApplicationContext().getBean(JsonMapper.class));
    }

    private static String account(String email, String tokenField, String token) {
        return "{\"email\":\"" + email + "\",\"password\":\"secure_password1\""
                + (token == null ? "" : ",\"" + tokenField + "\":\"" + token + "\"") + "}";
    }

    @Test
    void theCaptchaKeyTellsTheBrowserWhatToShow() {
        HttpJson http = start(provider.url(), SECRET);
        HttpJson.Reply key = http.get("/auth/captcha-key", null);
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.map()).containsEntry("enabled", true).containsEntry("site_key", "site-key-1").containsEntry("provider", "recaptcha");
        assertThat(key.body()).doesNotContain(SECRET);
    }

    @Test
    void withoutASecretTheCaptchaIsOffAndNoProviderIsAsked() {
        HttpJson http = start(provider.url(), null);
        assertThat(http.get("/auth/captcha-key", null).map()).containsEntry("enabled", false).containsKey("site_key");
        String email = "nocaptcha-" + UUID.randomUUID() + "@example.com";
        assertThat(http.postJson("/auth/register", account(email, "captcha_token", null), null).status()).isEqualTo(201);
        assertThat(http.postJson("/auth/login", account(email, "captcha_token", null), null).status()).isEqualTo(200);
        assertThat(provider.received()).isEmpty();
    }

    @Test
    void aVerifiedTokenRegistersAndSignsInAndTheProviderHearsSecretTokenAndAddress() {
        HttpJson http = start(provider.url(), SECRET);
        String email = "captcha-" + UUID.randomUUID() + "@example.com";
        assertThat(http.postJson("/auth/register", account(email, "captcha_token", "good-register"), null).status()).isEqualTo(201);
        assertThat(http.postJson("/auth/login", account(email, "g-recaptcha-response", "good-login"), null).status()).isEqualTo(200);
        assertThat(http.postJson("/auth/login", account(email, "captcha_token", "v2-token"), null).status()).isEqualTo(200);
        assertThat(provider.received()).hasSize(3).allSatisfy(form -> {
            assertThat(form).containsEntry("secret", SECRET).containsEntry("remoteip", "127.0.0.1");
        });
        assertThat(provider.received().getFirst()).containsEntry("response", "good-register");
    }

    @Test
    void missingFailedLowScoreAndWrongActionTokensAre400AndTouchNoAccount() {
        HttpJson http = start(provider.url(), SECRET);
        String email = "refused-" + UUID.randomUUID() + "@example.com";
        HttpJson.Reply missing = http.postJson("/auth/register", account(email, "captcha_token", null), null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.map()).containsEntry("status_code", 400).containsEntry("code", "captcha.missing");
        assertThat(missing.map().get("detail").toString()).contains("CAPTCHA");
        assertThat(provider.received()).isEmpty();

        HttpJson.Reply failed = http.postJson("/auth/register", account(email, "captcha_token", "forged"), null);
        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.map()).containsEntry("code", "captcha.failed");
        HttpJson.Reply low = http.postJson("/auth/register", account(email, "captcha_token", "low-score"), null);
        assertThat(low.status()).isEqualTo(400);
        assertThat(low.map()).containsEntry("code", "captcha.low-score");
        HttpJson.Reply wrongAction = http.postJson("/auth/register", account(email, "captcha_token", "login-token"), null);
        assertThat(wrongAction.status()).isEqualTo(400);
        assertThat(wrongAction.map()).containsEntry("code", "captcha.wrong-action");

        // none of those created the account: it registers now, once
        assertThat(http.postJson("/auth/register", account(email, "captcha_token", "good-register"), null).status()).isEqualTo(201);
        // sign-in is guarded too, before the password is checked
        HttpJson.Reply noLoginToken = http.postJson("/auth/login", account(email, "captcha_token", null), null);
        assertThat(noLoginToken.status()).isEqualTo(400);
        assertThat(http.postJson("/auth/login", account(email, "captcha_token", "good-register"), null).status()).isEqualTo(400);
    }

    @Test
    void anUnreachableProviderFailsClosedWith503() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpJson http = start("http://127.0.0.1:" + closedPort + "/recaptcha/api/siteverify", SECRET);
        String email = "down-" + UUID.randomUUID() + "@example.com";
        HttpJson.Reply down = http.postJson("/auth/register", account(email, "captcha_token", "good-register"), null);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.map()).containsEntry("status_code", 503).containsEntry("code", "captcha.unavailable");
        assertThat(down.map().get("detail").toString()).contains("CAPTCHA verification is unavailable");
        assertThat(http.postJson("/auth/login", account(email, "captcha_token", "good-login"), null).status()).isEqualTo(503);
    }
}
