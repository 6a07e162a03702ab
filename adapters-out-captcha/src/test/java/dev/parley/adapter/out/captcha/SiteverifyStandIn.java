package dev.parley.adapter.out.captcha;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for a CAPTCHA provider's {@code siteverify} endpoint (reCAPTCHA's form protocol):
 * it records each form it receives and answers the JSON, status and token rules a test sets.
 */
public final class SiteverifyStandIn implements AutoCloseable {
    private final HttpServer server;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String defaultAnswer = "{\"success\":true}";
    private final Map<String, String> answersByToken = new java.util.concurrent.ConcurrentHashMap<>();

    public SiteverifyStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/recaptcha/api/siteverify", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = parse(body);
            form.put("_method", exchange.getRequestMethod());
            form.put("_content_type", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            received.add(form);
            String answer = answersByToken.getOrDefault(form.getOrDefault("response", ""), defaultAnswer);
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/recaptcha/api/siteverify";
    }

    /** What the provider answers for one token (JSON). */
    public SiteverifyStandIn answer(String token, String json) {
        answersByToken.put(token, json);
        return this;
    }

    /** What it answers for any other token. */
    public SiteverifyStandIn answerByDefault(String json) {
        this.defaultAnswer = json;
        return this;
    }

    public SiteverifyStandIn status(int status) {
        this.status = status;
        return this;
    }

    public List<Map<String, String>> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(key, value);
        }
        return fields;
    }
}
