package dev.parley.application.conversation.port.out;

import java.util.List;

/**
 * How to set a conversation up: the scenario's instructions and voice, and the tools the model may call.
 *
 * @param transcriptionLanguage the language the caller's speech is transcribed in (ISO 639-1, an organization's); null: detected
 */
public record ConversationBrief(String instructions, String voice, double temperature, List<Tool> tools, String transcriptionLanguage) {
    public ConversationBrief {
        tools = List.copyOf(tools);
    }

    /** A brief whose caller's language is detected. */
    public ConversationBrief(String instructions, String voice, double temperature, List<Tool> tools) {
        this(instructions, voice, temperature, tools, null);
    }

    /** A function the model may call; {@code parametersJsonSchema} is a JSON Schema object. */
    public record Tool(String name, String description, String parametersJsonSchema) {
    }
}
