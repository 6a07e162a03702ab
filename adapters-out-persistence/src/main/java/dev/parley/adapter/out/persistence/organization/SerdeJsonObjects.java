package dev.parley.adapter.out.persistence.organization;

import dev.parley.application.organization.port.out.JsonObjects;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Map;

/** Reads tool arguments with the application's JSON mapper (Micronaut Serialization over Jackson's parser). */
@Singleton
class SerdeJsonObjects implements JsonObjects {
    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);
    private final JsonMapper json;

    SerdeJsonObjects(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Map<String, Object> readObject(String text) {
        if (text == null || !text.strip().startsWith("{")) throw new IllegalArgumentException("not a JSON object");
        try {
            Map<String, Object> m = json.readValue(text, OBJECT);
            if (m == null) throw new IllegalArgumentException("not a JSON object");
            return m;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a JSON object", e);
        }
    }
}
