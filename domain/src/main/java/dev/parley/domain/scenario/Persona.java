package dev.parley.domain.scenario;

import dev.parley.domain.shared.InvalidValueException;

/** Who the assistant is in a scenario ("You are a friendly sales representative…"). */
public record Persona(String text) {
    public static final int MAX_LENGTH = 4000;

    public Persona {
        if (text == null || text.isBlank())
            throw new InvalidValueException("persona", "persona.required", "persona is required");
        text = text.strip();
        if (text.length() > MAX_LENGTH)
            throw new InvalidValueException("persona", "persona.too-long", "persona must be at most " + MAX_LENGTH + " characters");
    }
}
