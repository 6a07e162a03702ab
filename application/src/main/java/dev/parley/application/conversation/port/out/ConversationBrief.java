package dev.parley.application.conversation.port.out;

import java.util.List;

/** How to set a conversation up: the scenario's instructions and voice, and the tools the model may call. */
public record ConversationBrief(String instructions, String voice, double temperature, List<Tool> tools) {
    public ConversationBrief {
        tools = List.copyOf(tools);
    }

    /** A function the model may call; {@code parametersJsonSchema} is a JSON Schema object. */
    public record Tool(String name, String description, String parametersJsonSchema) {
    }
}
