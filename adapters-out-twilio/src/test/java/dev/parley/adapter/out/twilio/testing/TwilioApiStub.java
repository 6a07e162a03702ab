package dev.parley.adapter.out.twilio.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A local HTTP server that answers the way Twilio's REST APIs do (api.twilio.com,
 * intelligence.twilio.com, … all land here through TWILIO_API_BASE_URL). Tests script answers
 * per method and path pattern and read back every request the real SDK sent.
 */
public final class TwilioApiStub implements AutoCloseable {
    /** One request as the SDK sent it. */
    public record Recorded(String method, String path, Map<String, String> query, Map<String, List<String>> form,
                           Map<String, List<String>> headers, String body) {
        public String formValue(String name) {
            List<String> values = form.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** A scripted answer. */
    public record Answer(int status, String json) {
    }

    private record Route(String method, Pattern path, Function<Recorded, Answer> answer) {
    }

    private final HttpServer server;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    public TwilioApiStub() {
        // answer at once: separate header and body writes without TCP_NODELAY stall on the client's delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The value for TWILIO_API_BASE_URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests whose path matches the regular expression (whole path, e.g. {@code /2010-04-01/Accounts/\\w+/Calls.json}). */
    public TwilioApiStub on(String method, String pathRegex, Function<Recorded, Answer> answer) {
        routes.addFirst(new Route(method, Pattern.compile(pathRegex), answer));
        return this;
    }

    public TwilioApiStub on(String method, String pathRegex, int status, String json) {
        return on(method, pathRegex, request -> new Answer(status, json));
    }

    public List<Recorded> requests() {
        return Collections.unmodifiableList(new ArrayList<>(requests));
    }

    public List<Recorded> requests(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        return requests().stream().filter(r -> r.method().equals(method) && p.matcher(r.path()).matches()).toList();
    }

    public void reset() {
        routes.clear();
        requests.clear();
    }

    /** Twilio's error body: {@code {"code":…,"message":…,"more_info":…,"status":…}}. */
    public static String error(int status, int code, String message) {
        return "{\"code\":" + code + ",\"message\":\"" + message.replace("\"", "'") + "\",\"more_info\":"
                + "\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Map<String, List<String>> form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
                ? parse(body) : Map.of();
        Map<String, String> query = new LinkedHashMap<>();
        parse(exchange.getRequestURI().getRawQuery()).forEach((k, v) -> query.put(k, v.getFirst()));
        Recorded recorded = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query, form,
                Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(recorded);
        Answer answer = routes.stream()
                .filter(r -> r.method().equals(recorded.method()) && r.path().matcher(recorded.path()).matches())
                .findFirst()
                .map(r -> r.answer().apply(recorded))
                .orElse(new Answer(404, error(404, 20404, "The requested resource " + recorded.path() + " was not found")));
        byte[] bytes = answer.json() == null ? new byte[0] : answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), answer.status() == 204 ? -1 : bytes.length);
        if (answer.status() != 204) exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, List<String>> parse(String encoded) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) return out;
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, key -> new ArrayList<>()).add(v);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
