package dev.parley.adapter.in.twilio;

import dev.parley.application.shared.PublicUrl;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwilioWebhookVerifierTest {
    private final TwilioWebhookVerifier verifier = new TwilioWebhookVerifier("auth-token", new PublicUrl("abc.ngrok-free.app"));

    /** Twilio's algorithm, written out independently of the SDK: HMAC-SHA1(url + sorted key+value pairs), base64. */
    static String sign(String token, String url, Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSignatureOverThePublicUrlIsAccepted() throws Exception {
        Map<String, String> form = Map.of("CallSid", "CA1", "To", "+15550001", "From", "+15550002");
        // the request arrived on an internal address; Twilio signed the public one
        HttpRequest<?> request = HttpRequest.POST("http://10.0.0.5:5050/incoming-call?x=1", "")
                .header(TwilioWebhookVerifier.HEADER, sign("auth-token", "https://abc.ngrok-free.app/incoming-call?x=1", form));
        assertThatCode(() -> verifier.verify(request, form)).doesNotThrowAnyException();
    }

    @Test
    void aChangedParameterAMissingHeaderOrAnotherTokenIsRefused() throws Exception {
        Map<String, String> form = Map.of("CallSid", "CA1", "CallStatus", "completed");
        String good = sign("auth-token", "https://abc.ngrok-free.app/call-status", form);
        assertThatThrownBy(() -> verifier.verify(HttpRequest.POST("/call-status", "").header(TwilioWebhookVerifier.HEADER, good),
                Map.of("CallSid", "CA1", "CallStatus", "ringing"))).isInstanceOf(ForgedWebhookException.class);
        assertThatThrownBy(() -> verifier.verify(HttpRequest.POST("/call-status", ""), form)).isInstanceOf(ForgedWebhookException.class);
        String otherToken = sign("other-token", "https://abc.ngrok-free.app/call-status", form);
        assertThatThrownBy(() -> verifier.verify(HttpRequest.POST("/call-status", "").header(TwilioWebhookVerifier.HEADER, otherToken), form))
                .isInstanceOf(ForgedWebhookException.class);
    }

    @Test
    void withoutAnAuthTokenEveryWebhookIsRefused() throws Exception {
        TwilioWebhookVerifier unconfigured = new TwilioWebhookVerifier("", new PublicUrl("abc.ngrok-free.app"));
        Map<String, String> form = Map.of("CallSid", "CA1");
        String signedWithEmpty = sign("unconfigured", "https://abc.ngrok-free.app/x", form);   // the internal placeholder key
        assertThatThrownBy(() -> unconfigured.verify(HttpRequest.POST("/x", "").header(TwilioWebhookVerifier.HEADER, signedWithEmpty), form))
                .isInstanceOf(ForgedWebhookException.class);
    }
}
