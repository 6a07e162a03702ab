package dev.parley.adapter.out.captcha;

import dev.parley.application.tenancy.port.out.CaptchaUnavailableException;
import dev.parley.application.tenancy.port.out.CaptchaVerifier;
import dev.parley.application.tenancy.port.out.CaptchaVerifier.CaptchaVerdict;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real adapter against a local siteverify stand-in speaking reCAPTCHA's protocol. */
class SiteverifyCaptchaVerifierTest {
    private final SiteverifyStandIn provider = new SiteverifyStandIn();
    private ApplicationContext context;

    @AfterEach
    void stop() {
        provider.close();
        if (context != null) context.close();
    }

    private CaptchaVerifier verifierAt(String url) {
        context = ApplicationContext.run(Map.of("parley.captcha.secret-key", "captcha-secret-123", "parley.captcha.verify-url", url,
                "parley.captcha.timeout", "2s"));
        return context.getBean(CaptchaVerifier.class);
    }

    @Test
    void postsSecretResponseAndRemoteIpAsAFormAndReadsSuccess() {
        CaptchaVerdict verdict = verifierAt(provider.url()).verify("token-abc", "203.0.113.9");
        assertThat(verdict.success()).isTrue();
        assertThat(verdict.score()).isEmpty();
        assertThat(provider.received()).singleElement().satisfies(form -> {
            assertThat(form).containsEntry("secret", "captcha-secret-123").containsEntry("response", "token-abc")
                    .containsEntry("remoteip", "203.0.113.9").containsEntry("_method", "POST");
            assertThat(form.get("_content_type")).startsWith("application/x-www-form-urlencoded");
        });
    }

    @Test
    void readsAFailureWithItsErrorCodes() {
        provider.answer("bad", "{\"success\":false,\"error-codes\":[\"invalid-input-response\"]}");
        CaptchaVerdict verdict = verifierAt(provider.url()).verify("bad", null);
        assertThat(verdict.success()).isFalse();
        assertThat(verdict.errorCodes()).containsExactly("invalid-input-response");
        assertThat(provider.received().getFirst()).doesNotContainKey("remoteip");
    }

    @Test
    void readsTheScoreAndActionOfAReCaptchaV3Answer() {
        provider.answer("v3", "{\"success\":true,\"score\":0.3,\"action\":\"login\",\"challenge_ts\":\"2026-12-06T10:00:00Z\",\"hostname\":\"x\"}");
        CaptchaVerdict verdict = verifierAt(provider.url()).verify("v3", "10.0.0.1");
        assertThat(verdict.score()).hasValue(0.3);
        assertThat(verdict.action()).isEqualTo("login");
    }

    @Test
    void anUnreachableProviderIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CaptchaVerifier verifier = verifierAt("http://127.0.0.1:" + closedPort + "/siteverify");
        assertThatThrownBy(() -> verifier.verify("t", null)).isInstanceOf(CaptchaUnavailableException.class);
    }

    @Test
    void aServerErrorOrAnUnreadableAnswerIsUnavailable() {
        CaptchaVerifier verifier = verifierAt(provider.url());
        provider.status(500);
        assertThatThrownBy(() -> verifier.verify("t", null)).isInstanceOf(CaptchaUnavailableException.class).hasMessageContaining("500");
        provider.status(200).answerByDefault("<html>not json</html>");
        assertThatThrownBy(() -> verifier.verify("t", null)).isInstanceOf(CaptchaUnavailableException.class);
    }
}
