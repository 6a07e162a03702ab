package dev.parley.adapter.out.google.testing;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A local stand-in for Google's OAuth token endpoint and Calendar API v3 (events.list, freeBusy.query,
 * events.insert, revoke), speaking the real wire protocol: form-encoded token requests, Bearer-checked
 * JSON calls whose bodies arrive gzip-compressed and chunked, Google's error shapes. State is in memory
 * and inspectable; failures can be switched on.
 */
public final class GoogleStandIn implements AutoCloseable {
    public static final String CLIENT_ID = "client-123.apps.googleusercontent.com";
    public static final String CLIENT_SECRET = "client-secret-xyz";
    public static final String SCOPES = "https://www.googleapis.com/auth/calendar.events https://www.googleapis.com/auth/calendar.readonly";

    /** One request as it arrived (body decompressed). */
    public record Seen(String method, String path, String query, String authorization, String contentEncoding, String body) {
    }

    /** An event in the stand-in's primary calendar. */
    public record StoredEvent(String account, String id, String summary, Instant start, Instant end, String description, String raw) {
    }

    private final HttpServer server;
    private final Gson gson = new Gson();
    private final Map<String, String> codes = new ConcurrentHashMap<>();           // code -> scopes
    /** Each Google account is its own calendar: tokens map to the account they were granted by (its code, or "default"). */
    private final Map<String, String> validAccess = new ConcurrentHashMap<>();
    private final Map<String, String> validRefresh = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final List<StoredEvent> events = new CopyOnWriteArrayList<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile int calendarFailure;   // 0: none; else the HTTP status every Calendar call answers
    private volatile int tokenFailure;      // 0: none; else the HTTP status the token endpoint answers
    private volatile long expiresIn = 3599;

    public GoogleStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public String tokenUrl() {
        return baseUrl() + "token";
    }

    public String revokeUrl() {
        return baseUrl() + "revoke";
    }

    public String authUrl() {
        return baseUrl() + "o/oauth2/auth";
    }

    /** Google will accept {@code code} once, granting {@code scopes}. */
    public void acceptCode(String code, String scopes) {
        codes.put(code, scopes);
    }

    public void acceptCode(String code) {
        acceptCode(code, SCOPES);
    }

    /** Issues tokens directly (as if a code had been exchanged) for the "default" account; answers {access, refresh}. */
    public String[] issueTokens() {
        return issueTokens("default");
    }

    private String[] issueTokens(String account) {
        String access = "ya29.access-" + counter.incrementAndGet();
        String refresh = "1//refresh-" + counter.incrementAndGet();
        validAccess.put(access, account);
        validRefresh.put(refresh, account);
        return new String[]{access, refresh};
    }

    /** The user removed our access in their Google account: every token stops working. */
    public void revokeEverything() {
        revoked.addAll(validRefresh.keySet());
        validRefresh.clear();
        validAccess.clear();
    }

    /** Access tokens stop working (as an hour passing would); refresh tokens still do. */
    public void expireAccessTokens() {
        validAccess.clear();
    }

    public void accessTokensLast(long seconds) {
        expiresIn = seconds;
    }

    public void failCalendar(int status) {
        calendarFailure = status;
    }

    public void failTokens(int status) {
        tokenFailure = status;
    }

    /** An event in the calendar of the "default" account. */
    public void addEvent(String summary, Instant start, Instant end) {
        addEvent("default", summary, start, end);
    }

    /** An event in the calendar of the account that granted {@code code}. */
    public void addEvent(String account, String summary, Instant start, Instant end) {
        events.add(new StoredEvent(account, "ev-" + counter.incrementAndGet(), summary, start, end, null, null));
    }

    public List<StoredEvent> events() {
        return List.copyOf(events);
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public List<Seen> seen(String method, String pathPrefix) {
        return seen.stream().filter(s -> s.method().equals(method) && s.path().startsWith(pathPrefix)).toList();
    }

    public Set<String> revokedTokens() {
        return Set.copyOf(revoked);
    }

    public boolean isValidAccessToken(String token) {
        return validAccess.containsKey(token);
    }

    /** The events of one account. */
    public List<StoredEvent> events(String account) {
        return events.stream().filter(e -> e.account().equals(account)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String body = body(x);
            String path = x.getRequestURI().getPath();
            seen.add(new Seen(x.getRequestMethod(), path, x.getRequestURI().getRawQuery(), x.getRequestHeaders().getFirst("Authorization"),
                    x.getRequestHeaders().getFirst("Content-Encoding"), body));
            if (path.equals("/token") && x.getRequestMethod().equals("POST")) token(x, form(body));
            else if (path.equals("/revoke") && x.getRequestMethod().equals("POST")) revoke(x, form(body));
            else if (path.startsWith("/calendar/v3/")) calendar(x, path.substring("/calendar/v3/".length()), body);
            else send(x, 404, "{\"error\":{\"code\":404,\"message\":\"Not Found\"}}");
        } catch (RuntimeException e) {
            send(x, 500, "{\"error\":{\"code\":500,\"message\":\"stand-in failure: " + e.getClass().getSimpleName() + "\"}}");
        }
    }

    private void token(HttpExchange x, Map<String, String> form) throws IOException {
        if (tokenFailure != 0) {
            send(x, tokenFailure, "{\"error\":\"internal_failure\",\"error_description\":\"Backend Error\"}");
            return;
        }
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            send(x, 401, "{\"error\":\"invalid_client\",\"error_description\":\"The OAuth client was not found.\"}");
            return;
        }
        String grant = form.get("grant_type");
        if ("authorization_code".equals(grant)) {
            String scopes = codes.remove(form.getOrDefault("code", ""));
            if (scopes == null || form.get("redirect_uri") == null) {
                send(x, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Malformed auth code.\"}");
                return;
            }
            String[] t = issueTokens(form.get("code"));
            send(x, 200, "{\"access_token\":\"" + t[0] + "\",\"expires_in\":" + expiresIn + ",\"refresh_token\":\"" + t[1]
                    + "\",\"scope\":\"" + scopes + "\",\"token_type\":\"Bearer\"}");
        } else if ("refresh_token".equals(grant)) {
            String refresh = form.getOrDefault("refresh_token", "");
            String account = validRefresh.get(refresh);
            if (account == null) {
                send(x, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
                return;
            }
            String access = "ya29.access-" + counter.incrementAndGet();
            validAccess.put(access, account);
            send(x, 200, "{\"access_token\":\"" + access + "\",\"expires_in\":" + expiresIn + ",\"scope\":\"" + SCOPES
                    + "\",\"token_type\":\"Bearer\"}");
        } else {
            send(x, 400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"Invalid grant_type\"}");
        }
    }

    private void revoke(HttpExchange x, Map<String, String> form) throws IOException {
        String token = form.getOrDefault("token", "");
        if (x.getRequestURI().getRawQuery() != null) token = query(x).getOrDefault("token", token);
        revoked.add(token);
        validRefresh.remove(token);
        send(x, 200, "{}");
    }

    private void calendar(HttpExchange x, String path, String body) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String account = auth == null || !auth.startsWith("Bearer ") ? null : validAccess.get(auth.substring(7));
        if (account == null) {
            send(x, 401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\",\"errors\":[{"
                    + "\"message\":\"Invalid Credentials\",\"domain\":\"global\",\"reason\":\"authError\"}],\"status\":\"UNAUTHENTICATED\"}}");
            return;
        }
        if (calendarFailure != 0) {
            send(x, calendarFailure, "{\"error\":{\"code\":" + calendarFailure + ",\"message\":\"Backend Error\",\"errors\":[{"
                    + "\"domain\":\"global\",\"reason\":\"backendError\",\"message\":\"Backend Error\"}]}}");
            return;
        }
        String method = x.getRequestMethod();
        if (path.equals("calendars/primary/events") && method.equals("GET")) list(x, account);
        else if (path.equals("freeBusy") && method.equals("POST")) freeBusy(x, body, account);
        else if (path.equals("calendars/primary/events") && method.equals("POST")) insert(x, body, account);
        else send(x, 404, "{\"error\":{\"code\":404,\"message\":\"Not Found\",\"errors\":[{\"reason\":\"notFound\"}]}}");
    }

    private void list(HttpExchange x, String account) throws IOException {
        Map<String, String> q = query(x);
        Instant min = q.containsKey("timeMin") ? instant(q.get("timeMin")) : Instant.MIN;
        int max = Integer.parseInt(q.getOrDefault("maxResults", "250"));
        JsonArray items = new JsonArray();
        events(account).stream().filter(e -> e.end().isAfter(min)).sorted(Comparator.comparing(StoredEvent::start)).limit(max).forEach(e -> {
            JsonObject item = new JsonObject();
            item.addProperty("kind", "calendar#event");
            item.addProperty("id", e.id());
            item.addProperty("status", "confirmed");
            item.addProperty("summary", e.summary());
            if (e.description() != null) item.addProperty("description", e.description());
            item.addProperty("location", "Main office");
            item.add("start", dateTime(e.start()));
            item.add("end", dateTime(e.end()));
            items.add(item);
        });
        JsonObject out = new JsonObject();
        out.addProperty("kind", "calendar#events");
        out.addProperty("timeZone", "UTC");
        out.add("items", items);
        send(x, 200, gson.toJson(out));
    }

    private static JsonObject dateTime(Instant at) {
        JsonObject o = new JsonObject();
        o.addProperty("dateTime", at.toString());
        o.addProperty("timeZone", "UTC");
        return o;
    }

    private void freeBusy(HttpExchange x, String body, String account) throws IOException {
        JsonObject request = JsonParser.parseString(body).getAsJsonObject();
        Instant min = instant(request.get("timeMin").getAsString());
        Instant max = instant(request.get("timeMax").getAsString());
        JsonArray busy = new JsonArray();
        events(account).stream().filter(e -> e.start().isBefore(max) && e.end().isAfter(min)).sorted(Comparator.comparing(StoredEvent::start))
                .forEach(e -> {
                    JsonObject b = new JsonObject();
                    b.addProperty("start", e.start().toString());
                    b.addProperty("end", e.end().toString());
                    busy.add(b);
                });
        JsonObject primary = new JsonObject();
        primary.add("busy", busy);
        JsonObject calendars = new JsonObject();
        String id = request.getAsJsonArray("items").get(0).getAsJsonObject().get("id").getAsString();
        calendars.add(id, primary);
        JsonObject out = new JsonObject();
        out.addProperty("kind", "calendar#freeBusy");
        out.addProperty("timeMin", min.toString());
        out.addProperty("timeMax", max.toString());
        out.add("calendars", calendars);
        send(x, 200, gson.toJson(out));
    }

    private void insert(HttpExchange x, String body, String account) throws IOException {
        JsonObject event = JsonParser.parseString(body).getAsJsonObject();
        Instant start = instant(event.getAsJsonObject("start").get("dateTime").getAsString());
        Instant end = instant(event.getAsJsonObject("end").get("dateTime").getAsString());
        String id = "ev-" + counter.incrementAndGet();
        String summary = event.has("summary") ? event.get("summary").getAsString() : null;
        String description = event.has("description") ? event.get("description").getAsString() : null;
        events.add(new StoredEvent(account, id, summary, start, end, description, body));
        event.addProperty("id", id);
        event.addProperty("status", "confirmed");
        event.addProperty("htmlLink", "https://www.google.com/calendar/event?eid=" + id);
        send(x, 200, gson.toJson(event));
    }

    private static Instant instant(String rfc3339) {
        return java.time.OffsetDateTime.parse(rfc3339).toInstant();
    }

    private static String body(HttpExchange x) throws IOException {
        InputStream in = x.getRequestBody();
        byte[] raw = in.readAllBytes();
        if ("gzip".equalsIgnoreCase(x.getRequestHeaders().getFirst("Content-Encoding")))
            raw = new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes();
        return new String(raw, StandardCharsets.UTF_8);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static Map<String, String> query(HttpExchange x) {
        String q = x.getRequestURI().getRawQuery();
        return q == null ? Map.of() : form(q);
    }

    private static void send(HttpExchange x, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }

}
