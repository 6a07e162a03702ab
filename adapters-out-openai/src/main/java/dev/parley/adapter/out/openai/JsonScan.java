package dev.parley.adapter.out.openai;

/**
 * Reads one top-level-looking string field from a JSON text without building a tree: for the hot
 * path, where the fields read (type, item_id, delta) hold plain ASCII without escapes. Answers null
 * when the field is missing or its value is not a plain string.
 */
final class JsonScan {
    private JsonScan() {
    }

    static String string(String json, String field) {
        String key = "\"" + field + "\"";
        int from = 0;
        while (true) {
            int k = json.indexOf(key, from);
            if (k < 0) return null;
            int i = k + key.length();
            while (i < json.length() && Character.isWhitespace(json.charAt(i))) i++;
            if (i >= json.length() || json.charAt(i) != ':') {
                from = k + 1;
                continue;
            }
            i++;
            while (i < json.length() && Character.isWhitespace(json.charAt(i))) i++;
            if (i >= json.length() || json.charAt(i) != '"') return null;
            int end = json.indexOf('"', i + 1);
            if (end < 0) return null;
            String value = json.substring(i + 1, end);
            return value.indexOf('\\') >= 0 ? null : value;
        }
    }
}
