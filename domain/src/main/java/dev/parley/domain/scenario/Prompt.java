package dev.parley.domain.scenario;

import dev.parley.domain.shared.InvalidValueException;

/** What the assistant is to achieve in a scenario's calls, and how. */
public record Prompt(String text) {
    public static final int MAX_LENGTH = 8000;

    public Prompt {
        if (text == null || text.isBlank())
            throw new InvalidValueException("prompt", "prompt.required", "prompt is required");
        text = text.strip();
        if (text.length() > MAX_LENGTH)
            throw new InvalidValueException("prompt", "prompt.too-long", "prompt must be at most " + MAX_LENGTH + " characters");
    }
}
