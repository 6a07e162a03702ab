package dev.parley.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What the redaction masks in a log line, and what it keeps. */
class LogRedactorTest {
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiIsInNpZCI6MTJ9.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU";

    @Test
    void masksKeysBearerTokensAndJwts() {
        String line = LogRedactor.redact("calling with sk-proj-AbC123xyz789 and Authorization: Bearer " + JWT + " token " + JWT);
        assertThat(line).doesNotContain("AbC123xyz789").doesNotContain("eyJzdWIi").contains("sk-***");
    }

    @Test
    void masksValuesNamedLikeSecretsInFormsJsonAndHeaders() {
        assertThat(LogRedactor.redact("body {\"email\":\"a@b.c\",\"password\":\"my secret pass 42\"}"))
                .doesNotContain("my secret pass").contains("\"password\":\"***\"").contains("a@b.c");
        assertThat(LogRedactor.redact("form password=hunter2&refresh_token=abc&captcha_token=xyz"))
                .doesNotContain("hunter2").doesNotContain("=abc").doesNotContain("xyz");
        assertThat(LogRedactor.redact("X-Twilio-Signature: Zm9yZ2VkU2lnbmF0dXJlISE=")).doesNotContain("Zm9yZ2Vk");
        assertThat(LogRedactor.redact("{\\\"refresh_token\\\":\\\"tok en\\\"}")).doesNotContain("tok en");
        assertThat(LogRedactor.redact("GET /google-calendar/callback?code=4/0AbCdEf&state=xyz")).doesNotContain("0AbCdEf").doesNotContain("xyz");
    }

    @Test
    void masksTwilioAuthTokensSignaturesGoogleAndLongOpaqueTokens() {
        assertThat(LogRedactor.redact("auth 0123456789abcdef0123456789abcdef end")).isEqualTo("auth *** end");
        assertThat(LogRedactor.redact("sig RSOYDt4T1cUTdK1PDd93/VVr8B8= end")).isEqualTo("sig *** end");
        assertThat(LogRedactor.redact("google ya29.a0AfH6SMB-x_y and 1//0gAbCdEfGhIjKlMn and GOCSPX-abc123"))
                .doesNotContain("a0AfH6SMB").doesNotContain("0gAbCdEf").doesNotContain("abc123");
        assertThat(LogRedactor.redact("refresh Xy7_k2Qm9Lp3Rt8Vw1Zb4Nc6Hd0Fg5Js2Ae7Ku9Ti3O")).isEqualTo("refresh ***");
    }

    @Test
    void phoneNumbersKeepTheirLastFourDigits() {
        assertThat(LogRedactor.redact("call to +14155550123 from %2B4930123456789"))
                .isEqualTo("call to +*******0123 from %2B*********6789");
    }

    @Test
    void keepsCorrelationIdsSidsAndOrdinaryText() {
        String line = "Server fault b9c3d3bd-9441-40d3-8075-dd91ced829c4 on call CA0123456789abcdef0123456789abcdef at "
                + "dev.parley.adapter.in.web.problem.Problems; 5 requests per minute; id 1234567";
        assertThat(LogRedactor.redact(line)).isEqualTo(line);
    }

    @Test
    void theEncoderRedactsTextAndJsonLines() {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("probe"), Level.INFO,
                "dialling {} with key {} and password={}", null, new Object[]{"+14155550123", "sk-live-123456789", "hunter2"});
        for (String format : new String[]{"text", "json"}) {
            ParleyLogEncoder encoder = new ParleyLogEncoder();
            encoder.setContext(context);
            encoder.setFormat(format);
            encoder.start();
            String out = new String(encoder.encode(event), StandardCharsets.UTF_8);
            assertThat(out).as(format).contains("+*******0123").contains("sk-***").doesNotContain("hunter2")
                    .doesNotContain("4155550123").doesNotContain("live-123456789");
            if (format.equals("json")) assertThat(out).startsWith("{").contains("\"message\":").contains("\"level\":\"INFO\"");
        }
    }
}
