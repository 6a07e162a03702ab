package dev.parley.bootstrap;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns {@code DATABASE_URL} into data-source properties. Accepts the seeds' form
 * {@code postgresql://user:pass@host:port/db} (also {@code postgres://}) and any JDBC URL
 * ({@code jdbc:postgresql://…}, {@code jdbc:h2:…}); unset means the embedded H2 file database.
 */
final class DatabaseUrl {
    static final String VARIABLE = "DATABASE_URL";

    private DatabaseUrl() {
    }

    static Map<String, Object> properties(Map<String, String> environment) {
        String raw = environment.get(VARIABLE);
        if (raw == null || raw.isBlank()) return Map.of();
        return parse(raw.strip());
    }

    static Map<String, Object> parse(String raw) {
        Map<String, Object> p = new HashMap<>();
        if (raw.startsWith("postgresql://") || raw.startsWith("postgres://")) {
            URI uri = URI.create(raw);
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2)
                throw new IllegalArgumentException(VARIABLE + " must look like postgresql://user:password@host:5432/database");
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            p.put("datasources.default.url", "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + uri.getRawPath() + query);
            if (uri.getRawUserInfo() != null) {
                String[] userInfo = uri.getRawUserInfo().split(":", 2);
                p.put("datasources.default.username", decode(userInfo[0]));
                p.put("datasources.default.password", userInfo.length > 1 ? decode(userInfo[1]) : "");
            }
            p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        } else if (raw.startsWith("jdbc:postgresql:")) {
            p.put("datasources.default.url", raw);
            p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        } else if (raw.startsWith("jdbc:h2:")) {
            p.put("datasources.default.url", raw);
            p.put("datasources.default.driver-class-name", "org.h2.Driver");
        } else {
            throw new IllegalArgumentException(VARIABLE + " must be postgresql://user:password@host:port/database or a JDBC URL "
                    + "(jdbc:postgresql://... or jdbc:h2:...)");
        }
        return p;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
