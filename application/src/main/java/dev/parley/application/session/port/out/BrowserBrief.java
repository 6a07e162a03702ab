package dev.parley.application.session.port.out;

import java.util.List;

/**
 * How a browser session is briefed: exactly as a phone call of the same scenario (or organization)
 * would be: its instructions, voice, temperature and the tools its calls get.
 */
public record BrowserBrief(String scenarioRef, String instructions, String voice, double temperature, List<Tool> tools) {
    public BrowserBrief {
        tools = List.copyOf(tools);
    }

    /** A function the model may call; {@code parametersJsonSchema} is a JSON Schema object. */
    public record Tool(String name, String description, String parametersJsonSchema) {
    }
}
