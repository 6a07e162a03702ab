package dev.parley.application.conversation.service;

import dev.parley.application.organization.port.in.EscalationCommand;
import dev.parley.application.organization.port.in.RecordEscalationUseCase;
import dev.parley.application.organization.port.in.TrackConversationPhaseUseCase;
import dev.parley.domain.call.CallId;
import dev.parley.domain.organization.EscalationAction;
import dev.parley.domain.organization.EscalationPolicy;
import dev.parley.domain.organization.EscalationRules;
import dev.parley.domain.organization.EscalationTrigger;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Screens each line an organization's caller says with its escalation rules, on the call's thread (pure
 * matching, nothing blocks): a match is recorded and announced on the blocking executor (in order), and an emergency
 * to transfer is answered at once with the number. Each rule match is recorded once per call; the first
 * caller line moves the phase from greeting to intake. Not thread-safe: the live call holds its monitor.
 */
final class CallerWatch {
    private final TenantId tenant;
    private final OrgId org;
    private final CallId call;
    private final EscalationRules rules;
    private final EscalationPolicy policy;
    private final RecordEscalationUseCase escalations;
    private final TrackConversationPhaseUseCase phases;
    private final Executor blocking;
    private final Set<String> recorded = new HashSet<>();
    private boolean spoke;
    /** The watch's stores run one after another, in the order heard: the phase "intake" never overwrites "escalation". */
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    CallerWatch(TenantId tenant, OrgId org, CallId call, EscalationRules rules, EscalationPolicy policy, RecordEscalationUseCase escalations,
                TrackConversationPhaseUseCase phases, Executor blocking) {
        this.tenant = tenant;
        this.org = org;
        this.call = call;
        this.rules = rules;
        this.policy = policy;
        this.escalations = escalations;
        this.phases = phases;
        this.blocking = blocking;
    }

    /** @return where to transfer the caller now, when what they said is an emergency and there is someone to transfer to */
    Optional<PhoneNumber> heard(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        if (!spoke) {
            spoke = true;
            later(() -> phases.callerSpoke(tenant, org, call));
        }
        Optional<EscalationTrigger> trigger = rules.screen(text);
        if (trigger.isEmpty()) return Optional.empty();
        EscalationTrigger t = trigger.get();
        EscalationAction action = EscalationAction.decide(t.source(), policy);
        if (!recorded.add(t.source() + ":" + t.words())) return Optional.empty();
        later(() -> escalations.record(new EscalationCommand(tenant, org, call, t.source(), t.words(), "", t.urgency(), action)));
        return action == EscalationAction.TRANSFERRED ? policy.transferTo() : Optional.empty();
    }

    private void later(Runnable work) {
        try {
            last = last.thenRunAsync(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // the record could not be stored; the live call goes on (and an emergency transfer still happens)
                }
            }, blocking);
        } catch (RejectedExecutionException busy) {
            // shutting down
        }
    }
}
