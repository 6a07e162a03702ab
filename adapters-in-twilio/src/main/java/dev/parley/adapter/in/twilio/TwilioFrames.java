package dev.parley.adapter.in.twilio;

import dev.parley.application.shared.Json;

/**
 * Field scans over Twilio media-stream frames, for the hot path: reads a plain string value
 * (event, payload, timestamp, name) without building a JSON tree. Null when missing or escaped.
 */
final class TwilioFrames {
    private TwilioFrames() {
    }

    static String string(String json, String field) {
        return string(json, field, 0);
    }

    static String string(String json, String field, int from) {
        return Json.stringField(json, field, from);
    }

    /** Base64 of μ-law audio: only the base64 alphabet, a length that is a multiple of 4, not empty. */
    static boolean isBase64(String s) {
        int n = s.length();
        if (n == 0 || (n & 3) != 0) return false;
        int padding = s.charAt(n - 1) == '=' ? (s.charAt(n - 2) == '=' ? 2 : 1) : 0;
        for (int i = 0; i < n - padding; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) return false;
        }
        return true;
    }

    /** A non-negative decimal (Twilio sends its counters as strings); -1 when it is not one. */
    static long number(String s) {
        if (s == null || s.isEmpty() || s.length() > 18) return -1;
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
