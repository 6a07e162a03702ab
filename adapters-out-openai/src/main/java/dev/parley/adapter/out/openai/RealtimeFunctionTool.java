package dev.parley.adapter.out.openai;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tool as the Realtime API's session configuration names it: {@code {type: function, name, description, parameters}}. */
final class RealtimeFunctionTool {
    private RealtimeFunctionTool() {
    }

    static Map<String, Object> of(JsonMapper json, String name, String description, String parametersJsonSchema) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", "function");
        t.put("name", name);
        t.put("description", description);
        try {
            t.put("parameters", json.readValue(parametersJsonSchema, Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new IllegalArgumentException("Tool parameters must be a JSON Schema object", e);
        }
        return t;
    }
}
