package dev.parley.adapter.out.openai.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for OpenAI's {@code POST /v1/audio/transcriptions}: parses the multipart upload
 * the way the API does, checks the bearer key, and answers {@code {"text": …}} with the text the
 * test scripted (or an error status). Every upload is kept for assertions.
 */
public final class OpenAiTranscriptionStub implements AutoCloseable {
    /** One part of an upload. */
    public record Part(String name, String filename, String contentType, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /** One upload as received. */
    public record Upload(String authorization, Map<String, Part> parts) {
        public Part part(String name) {
            return parts.get(name);
        }
    }

    private final HttpServer server;
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private volatile String apiKey = "sk-test";
    private volatile String text = "";
    private volatile int status = 200;

    public OpenAiTranscriptionStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/audio/transcriptions", this::handle);
        server.start();
    }

    /** The value for OPENAI_BASE_URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public OpenAiTranscriptionStub answering(String text) {
        this.text = text;
        this.status = 200;
        return this;
    }

    public OpenAiTranscriptionStub failingWith(int status) {
        this.status = status;
        return this;
    }

    public OpenAiTranscriptionStub acceptingKey(String apiKey) {
        this.apiKey = apiKey;
        return this;
    }

    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!("Bearer " + apiKey).equals(auth)) {
            answer(exchange, 401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}");
            return;
        }
        Matcher boundary = contentType == null ? null : Pattern.compile("boundary=(\\S+)").matcher(contentType);
        if (!"POST".equals(exchange.getRequestMethod()) || boundary == null || !boundary.find()) {
            answer(exchange, 400, "{\"error\":{\"message\":\"Expected multipart/form-data\"}}");
            return;
        }
        Map<String, Part> parts = parse(body, boundary.group(1));
        uploads.add(new Upload(auth, parts));
        if (!parts.containsKey("file") || !parts.containsKey("model")) {
            answer(exchange, 400, "{\"error\":{\"message\":\"file and model are required\"}}");
            return;
        }
        if (status != 200) {
            answer(exchange, status, "{\"error\":{\"message\":\"scripted failure\"}}");
            return;
        }
        answer(exchange, 200, "{\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"usage\":{\"type\":\"duration\",\"seconds\":3}}");
    }

    private static Map<String, Part> parse(byte[] body, String boundary) {
        Map<String, Part> parts = new LinkedHashMap<>();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') break;
            start += 2; // CRLF
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            int next = indexOf(body, delimiter, headersEnd);
            if (headersEnd < 0 || next < 0) break;
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next - 2);
            String name = group(headers, "name=\"([^\"]*)\"");
            parts.put(name, new Part(name, group(headers, "filename=\"([^\"]*)\""), group(headers, "(?i)Content-Type: *([^\\r\\n]+)"), content));
            at = next;
        }
        return parts;
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
