package dev.parley.application.conversation.service;

import dev.parley.application.conversation.port.out.CallTool;
import dev.parley.application.scenario.port.in.CallScenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Which tools a call gets, chosen per call from its scenario (and, once organizations exist, from
 * theirs): every call may end itself and ask for a person; {@code transfer_to_human} dials the
 * scenario's number when it has one, else TRANSFER_PHONE_NUMBER. Further tools are offered to the calls whose scenario they accept.
 */
public final class CallTools {
    private final ConversationPolicy policy;
    private final List<CallTool> extra;

    public CallTools(ConversationPolicy policy, List<CallTool> extra) {
        this.policy = policy;
        this.extra = List.copyOf(extra);
    }

    public CallTools(ConversationPolicy policy) {
        this(policy, List.of());
    }

    /** The tools of one call, in the order the model is told about them; names are unique. */
    public List<CallTool> forCall(CallScenario scenario) {
        List<CallTool> tools = new ArrayList<>(2 + extra.size());
        tools.add(new EndCallTool());
        tools.add(new TransferToHumanTool(scenario.transferNumber() != null ? scenario.transferNumber()
                : policy.transferTo().orElse(null)));
        for (CallTool tool : extra)
            if (tool.offeredOn(scenario) && tools.stream().noneMatch(t -> t.name().equals(tool.name()))) tools.add(tool);
        return List.copyOf(tools);
    }

    /**
     * The tools of a browser's call: those of a phone call of the scenario but {@code transfer_to_human}, since
     * a browser cannot be handed to a phone line (a browser session is briefed with exactly these).
     */
    public List<CallTool> forBrowserCall(CallScenario scenario) {
        return forCall(scenario).stream().filter(t -> !t.name().equals(TransferToHumanTool.NAME)).toList();
    }
}
