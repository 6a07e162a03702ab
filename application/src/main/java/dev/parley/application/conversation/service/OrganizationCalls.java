package dev.parley.application.conversation.service;

import dev.parley.application.call.port.in.RedeemStreamTokenUseCase.RedeemedStream;
import dev.parley.application.conversation.port.out.CallTool;
import dev.parley.application.organization.port.in.BriefOrganizationCallUseCase;
import dev.parley.application.organization.port.in.HandleOrganizationToolUseCase;
import dev.parley.application.organization.port.in.OrganizationBrief;
import dev.parley.application.organization.port.in.RecordEscalationUseCase;
import dev.parley.application.organization.port.in.TrackConversationPhaseUseCase;
import dev.parley.domain.organization.EscalationPolicy;
import dev.parley.domain.organization.OrgId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Sets up a call that runs for an organization: its brief (instructions, voice), its tools ({@code end_call}
 * and the organization's own, in place of {@code transfer_to_human}) and the watch over the caller's words.
 * Blocks (it reads the organization and stores the call's start): call it where opening a stream may block.
 */
public final class OrganizationCalls {
    private final BriefOrganizationCallUseCase briefs;
    private final HandleOrganizationToolUseCase tools;
    private final RecordEscalationUseCase escalations;
    private final TrackConversationPhaseUseCase phases;
    private final Executor blocking;

    public OrganizationCalls(BriefOrganizationCallUseCase briefs, HandleOrganizationToolUseCase tools, RecordEscalationUseCase escalations,
                             TrackConversationPhaseUseCase phases, Executor blocking) {
        this.briefs = briefs;
        this.tools = tools;
        this.escalations = escalations;
        this.phases = phases;
        this.blocking = blocking;
    }

    record Setup(OrganizationBrief brief, List<CallTool> tools, CallerWatch watch) {
    }

    /** Empty when the call runs a scenario; for a deleted organization, empty too (the caller hears the apology). */
    Optional<Setup> setUp(RedeemedStream call, List<CallTool> common) {
        return setUp(call, common, true);
    }

    /** As {@link #setUp}, for a browser's call: no phone line to transfer to, so what the caller says only ever flags the call. */
    Optional<Setup> setUpBrowserCall(RedeemedStream call, List<CallTool> common) {
        return setUp(call, common, false);
    }

    private Optional<Setup> setUp(RedeemedStream call, List<CallTool> common, boolean canTransfer) {
        Optional<OrgId> org = OrgId.fromCallRef(call.scenarioRef());
        if (org.isEmpty()) return Optional.empty();
        return briefs.brief(call.tenant(), org.get()).map(brief -> {
            phases.began(call.tenant(), brief.org(), call.call());
            EscalationPolicy policy = brief.escalation();
            if (!canTransfer)
                policy = new EscalationPolicy(policy.transferNumber(), policy.emergencyKeywords(), policy.highPriorityKeywords(), false);
            return new Setup(brief, toolsFor(brief, common, canTransfer), new CallerWatch(call.tenant(), brief.org(), call.call(), brief.rules(),
                    policy, escalations, phases, blocking));
        });
    }

    /**
     * The tools of a conversation for an organization, on the phone or in a browser: the common ones ({@code end_call}, …)
     * without {@code transfer_to_human}, then the organization's own ({@code escalate_to_human}, {@code complete_intake}).
     */
    public List<CallTool> toolsFor(OrganizationBrief brief, List<CallTool> common) {
        return toolsFor(brief, common, true);
    }

    private List<CallTool> toolsFor(OrganizationBrief brief, List<CallTool> common, boolean canTransfer) {
        List<CallTool> all = new ArrayList<>();
        for (CallTool t : common) if (!t.name().equals(TransferToHumanTool.NAME)) all.add(t);
        for (OrganizationBrief.ToolSpec spec : brief.tools()) all.add(new OrganizationTool(spec, brief.org(), tools, canTransfer));
        return List.copyOf(all);
    }

    static boolean runsForAnOrganization(RedeemedStream call) {
        return OrgId.fromCallRef(call.scenarioRef()).isPresent();
    }
}
