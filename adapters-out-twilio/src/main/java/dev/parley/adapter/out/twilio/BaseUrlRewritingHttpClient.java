package dev.parley.adapter.out.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The SDK's own HTTP client, with the host of every Twilio API (api., intelligence., …twilio.com)
 * replaced by TWILIO_API_BASE_URL: the SDK has no base-URL setting, and tests, proxies and
 * regional gateways need one. With the default base URL requests go out unchanged.
 */
final class BaseUrlRewritingHttpClient extends HttpClient {
    static final String DEFAULT_BASE = "https://api.twilio.com";
    private final String base;
    private final HttpClient delegate;

    BaseUrlRewritingHttpClient(String baseUrl, HttpClient delegate) {
        String b = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE : baseUrl.strip();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.delegate = delegate;
    }

    BaseUrlRewritingHttpClient(String baseUrl) {
        this(baseUrl, new NetworkHttpClient(withoutAutomaticRetries()));
    }

    /**
     * The SDK's default HTTP client (same pool and timeouts), minus Apache HttpClient's own retry of a
     * 503 or 429, which would send a call's creation twice.
     */
    static HttpClientBuilder withoutAutomaticRetries() {
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
        connections.setDefaultSocketConfig(NetworkHttpClient.DEFAULT_SOCKET_CONFIG);
        connections.setDefaultMaxPerRoute(20);
        connections.setMaxTotal(100);
        return HttpClientBuilder.create().useSystemProperties().setConnectionManager(connections)
                .setDefaultRequestConfig(NetworkHttpClient.DEFAULT_REQUEST_CONFIG).disableAutomaticRetries();
    }

    @Override
    public Response makeRequest(Request request) {
        if (DEFAULT_BASE.equals(base)) return delegate.makeRequest(request);
        return delegate.makeRequest(rewrite(request));
    }

    /**
     * Creating a call is sent once: the SDK's own retries (up to 3 more requests 100 ms apart on a 5xx)
     * could dial a person twice, and scheduled calls retry with their own backoff and attempt count.
     */
    @Override
    public Response reliableRequest(Request request) {
        if (request.getMethod() == HttpMethod.POST && request.getUrl().endsWith("/Calls.json")) return makeRequest(request);
        return super.reliableRequest(request);
    }

    Request rewrite(Request original) {
        URI uri = URI.create(original.getUrl());
        Request copy = new Request(original.getMethod(), base + uri.getRawPath());
        copyParams(original.getQueryParams(), copy::addQueryParam);
        copyParams(original.getPostParams(), copy::addPostParam);
        copyParams(original.getHeaderParams(), copy::addHeaderParam);
        if (original.getContentType() != null) copy.setContentType(original.getContentType());
        if (original.getBody() != null) copy.setBody(original.getBody());
        if (original.getFormParameters() != null) copy.setFormParameters(original.getFormParameters());
        if (original.getAuthStrategy() != null) copy.setAuth(original.getAuthStrategy());
        else if (original.getUsername() != null) copy.setAuth(original.getUsername(), original.getPassword());
        return copy;
    }

    private static void copyParams(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
        if (params == null) return;
        params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
    }
}
