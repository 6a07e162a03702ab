package dev.parley.application.shared;

import java.util.regex.Pattern;

/**
 * The address the outside world (Twilio, browsers) reaches this server on: PUBLIC_URL.
 * Webhook and media-stream URLs are built from it and webhook signatures are checked against it,
 * never against the address a request happened to arrive on (a proxy or tunnel sits between).
 * Accepts the seeds' bare-host form ({@code abc.ngrok-free.app} means https).
 */
public record PublicUrl(String base) {
    private static final Pattern SHAPE = Pattern.compile("https?://[A-Za-z0-9.\\-]+(:\\d{1,5})?(/[^\\s?#]*)?");

    public PublicUrl {
        if (base == null || base.isBlank()) throw new IllegalArgumentException("PUBLIC_URL is required");
        base = base.strip();
        if (!base.contains("://")) base = "https://" + base;
        while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        if (!SHAPE.matcher(base).matches())
            throw new IllegalArgumentException("PUBLIC_URL must be an http(s) address or a bare host name");
    }

    /** {@code https://host/path}; the path starts with /. */
    public String http(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    /** The WebSocket form of {@link #http}: {@code wss://host/path} (or ws:// for a plain-http base). */
    public String webSocket(String path) {
        return http(path).replaceFirst("^http", "ws");
    }
}
