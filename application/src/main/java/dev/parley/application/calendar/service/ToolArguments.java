package dev.parley.application.calendar.service;

import java.util.HashMap;
import java.util.Map;

/**
 * The model's arguments to a calendar tool: one flat JSON object of strings, numbers, booleans and nulls
 * (nested values are skipped). Unreadable input gives an empty set, so the tool answers "missing start".
 */
final class ToolArguments {
    private final Map<String, String> values;

    private ToolArguments(Map<String, String> values) {
        this.values = values;
    }

    static ToolArguments parse(String json) {
        try {
            return new ToolArguments(new Reader(json == null ? "" : json).object());
        } catch (IllegalArgumentException | IndexOutOfBoundsException unreadable) {
            return new ToolArguments(Map.of());
        }
    }

    String text(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** An integer, or {@code fallback} when missing; null when present but not a whole number. */
    Integer integer(String name, Integer fallback) {
        String v = text(name);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v);
            if (d != Math.rint(d) || Math.abs(d) > 1_000_000) return null;
            return (int) d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        Map<String, String> object() {
            Map<String, String> out = new HashMap<>();
            skip();
            expect('{');
            skip();
            if (peek() == '}') return out;
            while (true) {
                skip();
                String key = string();
                skip();
                expect(':');
                skip();
                String value = value();
                if (value != null) out.put(key, value);
                skip();
                char c = s.charAt(i++);
                if (c == '}') return out;
                if (c != ',') throw new IllegalArgumentException("bad object");
            }
        }

        private String value() {
            char c = peek();
            if (c == '"') return string();
            if (c == '{' || c == '[') {
                skipNested();
                return null;
            }
            int start = i;
            while (i < s.length() && ",}] \t\r\n".indexOf(s.charAt(i)) < 0) i++;
            String literal = s.substring(start, i);
            return "null".equals(literal) ? null : literal;
        }

        private void skipNested() {
            int depth = 0;
            boolean inString = false;
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                if (inString) {
                    if (c == '\\') i++;
                    else if (c == '"') inString = false;
                } else if (c == '"') inString = true;
                else if (c == '{' || c == '[') depth++;
                else if (c == '}' || c == ']') {
                    if (--depth == 0) {
                        i++;
                        return;
                    }
                }
            }
            throw new IllegalArgumentException("unterminated");
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        private char peek() {
            return s.charAt(i);
        }

        private void expect(char c) {
            if (s.charAt(i++) != c) throw new IllegalArgumentException("expected " + c);
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }
    }
}
