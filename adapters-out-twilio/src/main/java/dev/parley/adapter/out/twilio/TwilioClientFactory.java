package dev.parley.adapter.out.twilio;

import com.twilio.http.TwilioRestClient;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** One thread-safe SDK client for the whole application (the SDK's static Twilio.init is never used). */
@Factory
class TwilioClientFactory {
    @Singleton
    TwilioRestClient twilioRestClient(TwilioProperties properties) {
        String sid = properties.accountSid().isBlank() ? "ACnotconfigured" : properties.accountSid();
        String token = properties.authToken().isBlank() ? "not-configured" : properties.authToken();
        return new TwilioRestClient.Builder(sid, token)
                .httpClient(new BaseUrlRewritingHttpClient(properties.apiBaseUrl()))
                .build();
    }
}
