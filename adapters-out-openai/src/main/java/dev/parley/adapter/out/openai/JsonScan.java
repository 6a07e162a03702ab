package dev.parley.adapter.out.openai;

import dev.parley.application.shared.Json;

/**
 * Reads one top-level-looking string field from a JSON text without building a tree: for the hot
 * path, where the fields read (type, item_id, delta) hold plain ASCII without escapes. Answers null
 * when the field is missing or its value is not a plain string.
 */
final class JsonScan {
    private JsonScan() {
    }

    static String string(String json, String field) {
        return Json.stringField(json, field, 0);
    }
}
