package dev.parley.application.organization.port.out;

import java.util.Map;

/** Reads the JSON objects a model sends as tool arguments. */
public interface JsonObjects {
    /**
     * The object's members, in order: strings, numbers, booleans, nulls, lists and nested maps.
     *
     * @throws IllegalArgumentException when {@code json} is not a JSON object
     */
    Map<String, Object> readObject(String json);
}
