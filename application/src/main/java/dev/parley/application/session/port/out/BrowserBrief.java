package dev.parley.application.session.port.out;

import java.util.List;

/**
 * How a browser session is briefed: exactly as a phone call of the same scenario (or organization)
 * would be: its instructions, voice, temperature and the tools its calls get.
 *
 * @param transcriptionLanguage the language the caller's speech is transcribed in (ISO 639-1, an organization's);
 *                              null: detected
 */
public record BrowserBrief(String scenarioRef, String instructions, String voice, double temperature, List<Tool> tools,
                           String transcriptionLanguage) {
    public BrowserBrief {
        tools = List.copyOf(tools);
    }

    /** A brief whose caller's language is detected. */
    public BrowserBrief(String scenarioRef, String instructions, String voice, double temperature, List<Tool> tools) {
        this(scenarioRef, instructions, voice, temperature, tools, null);
    }

    /** A function the model may call; {@code parametersJsonSchema} is a JSON Schema object. */
    public record Tool(String name, String description, String parametersJsonSchema) {
    }
}
