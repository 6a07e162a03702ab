package dev.parley.application.conversation.service;

import dev.parley.application.conversation.port.out.CallTool;
import dev.parley.application.conversation.port.out.ToolContext;
import dev.parley.application.conversation.port.out.ToolResult;
import dev.parley.application.organization.port.in.HandleOrganizationToolUseCase;
import dev.parley.application.organization.port.in.OrgToolCall;
import dev.parley.application.organization.port.in.OrgToolOutcome;
import dev.parley.application.organization.port.in.OrganizationBrief.ToolSpec;
import dev.parley.domain.conversation.FollowUp;
import dev.parley.domain.organization.OrgId;

/** One of an organization's tools ({@code escalate_to_human}, {@code complete_intake}) offered to its call; it stores, so it blocks. */
record OrganizationTool(ToolSpec spec, OrgId org, HandleOrganizationToolUseCase handler, boolean canTransfer) implements CallTool {
    OrganizationTool(ToolSpec spec, OrgId org, HandleOrganizationToolUseCase handler) {
        this(spec, org, handler, true);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String description() {
        return spec.description();
    }

    @Override
    public String parametersJsonSchema() {
        return spec.parametersJsonSchema();
    }

    @Override
    public boolean blocks() {
        return true;
    }

    @Override
    public ToolResult run(ToolContext call, String argumentsJson) {
        return switch (handler.handle(new OrgToolCall(call.tenant(), org, call.call(), spec.name(), argumentsJson, canTransfer))) {
            case OrgToolOutcome.Done done -> ToolResult.done(done.result());
            case OrgToolOutcome.Refused refused -> ToolResult.failed(refused.error());
            case OrgToolOutcome.Transfer transfer -> ToolResult.doneThen(transfer.result(), new FollowUp.Transfer(transfer.to()));
        };
    }
}
