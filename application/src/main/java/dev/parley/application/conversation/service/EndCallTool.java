package dev.parley.application.conversation.service;

import dev.parley.application.conversation.port.out.CallTool;
import dev.parley.application.conversation.port.out.ToolContext;
import dev.parley.application.conversation.port.out.ToolResult;
import dev.parley.domain.conversation.FollowUp;

/** The assistant ends the call; the line is hung up once its goodbye has been heard. */
final class EndCallTool implements CallTool {
    static final String NAME = "end_call";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "End the phone call. Say a short goodbye first; the line is hung up once it has been heard.";
    }

    @Override
    public String parametersJsonSchema() {
        return "{\"type\":\"object\",\"properties\":{\"reason\":{\"type\":\"string\",\"description\":\"Why the call ends\"}}}";
    }

    @Override
    public ToolResult run(ToolContext call, String argumentsJson) {
        return ToolResult.doneThen("The call ends after your goodbye.", new FollowUp.HangUp());
    }
}
