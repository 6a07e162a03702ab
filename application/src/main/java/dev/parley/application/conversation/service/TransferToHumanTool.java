package dev.parley.application.conversation.service;

import dev.parley.application.conversation.port.out.CallTool;
import dev.parley.application.conversation.port.out.ToolContext;
import dev.parley.application.conversation.port.out.ToolResult;
import dev.parley.domain.conversation.FollowUp;
import dev.parley.domain.shared.PhoneNumber;

/**
 * The assistant hands the caller to a person, once its handover line has been heard.
 *
 * @param to the scenario's transfer number, else TRANSFER_PHONE_NUMBER; null: nobody to transfer to
 */
record TransferToHumanTool(PhoneNumber to) implements CallTool {
    static final String NAME = "transfer_to_human";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Transfer the caller to a human colleague, when they ask for a person or you cannot help. "
                + "Tell the caller you are transferring them first.";
    }

    @Override
    public String parametersJsonSchema() {
        return "{\"type\":\"object\",\"properties\":{\"reason\":{\"type\":\"string\",\"description\":\"Why a person is needed\"}}}";
    }

    @Override
    public ToolResult run(ToolContext call, String argumentsJson) {
        if (to == null)
            return ToolResult.failed("No person is available to take this call. Offer to help further or to end the call.");
        return ToolResult.doneThen("Transferring the caller to a person.", new FollowUp.Transfer(to));
    }
}
