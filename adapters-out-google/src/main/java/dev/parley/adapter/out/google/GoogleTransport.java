package dev.parley.adapter.out.google;

import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import jakarta.inject.Singleton;

/** One HTTP transport and JSON factory for every Google request (both thread-safe), with our timeouts. */
@Singleton
class GoogleTransport {
    final HttpTransport http = new NetHttpTransport();
    final JsonFactory json = GsonFactory.getDefaultInstance();
    private final GoogleProperties properties;

    GoogleTransport(GoogleProperties properties) {
        this.properties = properties;
    }

    /** Timeouts, no retries on our side (a tool call must answer within the conversation). */
    HttpRequestInitializer timeouts() {
        return this::configure;
    }

    void configure(HttpRequest request) {
        request.setConnectTimeout((int) properties.connectTimeout().toMillis());
        request.setReadTimeout((int) properties.readTimeout().toMillis());
        request.setNumberOfRetries(0);
    }
}
