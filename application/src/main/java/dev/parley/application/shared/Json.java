package dev.parley.application.shared;

/** The little JSON the core and the adapters write and scan by hand (tool results, hot-path frames), without a mapper. */
public final class Json {
    private Json() {
    }

    /** {@code s} as the inside of a JSON string: quotes, backslashes and control characters escaped; null as empty. */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> c < 0x20 ? String.format("\\u%04x", (int) c) : null;
            };
            if (replacement == null) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
            b.append(replacement);
        }
        return b == null ? s : b.toString();
    }

    /**
     * Reads one string field from a JSON text without building a tree, for hot paths (media frames,
     * model events) whose fields hold plain ASCII: the first {@code "field": "value"} at or after
     * {@code from}, whatever its depth. Null when the field is missing, its value is not a string, or
     * the value holds an escape (such a value is for a real parser).
     */
    public static String stringField(String json, String field, int from) {
        String key = "\"" + field + "\"";
        while (true) {
            int k = json.indexOf(key, from);
            if (k < 0) return null;
            int i = k + key.length();
            while (i < json.length() && json.charAt(i) <= ' ') i++;
            if (i >= json.length() || json.charAt(i) != ':') {
                from = k + 1;
                continue;
            }
            i++;
            while (i < json.length() && json.charAt(i) <= ' ') i++;
            if (i >= json.length() || json.charAt(i) != '"') return null;
            int end = json.indexOf('"', i + 1);
            if (end < 0) return null;
            String value = json.substring(i + 1, end);
            return value.indexOf('\\') >= 0 ? null : value;
        }
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        return "\"" + escape(s) + "\"";
    }
}
