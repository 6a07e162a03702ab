package dev.parley.domain.organization;

import dev.parley.domain.shared.InvalidValueException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bounds every piece of an organization's configuration keeps to, and the checks that name the field that broke one. */
final class Limits {
    private Limits() {
    }

    /** {@code value} stripped; required: not blank; at most {@code max} characters. Null stays null when optional. */
    static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) throw invalid(field, "required", "is required");
            return value == null ? null : "";
        }
        String s = value.strip();
        if (s.length() > max) throw invalid(field, "too-long", "must be at most " + max + " characters");
        return s;
    }

    /** A list of short texts: at most {@code maxItems}, each non-blank and at most {@code maxLength}; duplicates (ignoring case) dropped. */
    static List<String> texts(String field, List<String> values, int maxItems, int maxLength) {
        if (values == null) return List.of();
        if (values.size() > maxItems) throw invalid(field, "too-many", "must hold at most " + maxItems + " entries");
        List<String> out = new ArrayList<>(values.size());
        List<String> seen = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String s = text(field + "[" + i + "]", values.get(i), maxLength, true);
            String key = s.toLowerCase(Locale.ROOT);
            if (!seen.contains(key)) {
                seen.add(key);
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    static InvalidValueException invalid(String field, String code, String message) {
        return new InvalidValueException(field, "org-config." + code, field + " " + message);
    }
}
