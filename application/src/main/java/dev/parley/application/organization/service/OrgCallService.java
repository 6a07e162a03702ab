package dev.parley.application.organization.service;

import dev.parley.application.call.port.in.ListCallsUseCase;
import dev.parley.application.call.port.out.CallEvent;
import dev.parley.application.call.port.out.CallEvents;
import dev.parley.application.organization.port.in.EscalateCallManuallyUseCase;
import dev.parley.application.organization.port.in.EscalationCommand;
import dev.parley.application.organization.port.in.EscalationView;
import dev.parley.application.organization.port.in.GetOrganizationCallUseCase;
import dev.parley.application.organization.port.in.HandleOrganizationToolUseCase;
import dev.parley.application.organization.port.in.NotAnOrganizationCallException;
import dev.parley.application.organization.port.in.OrgCallView;
import dev.parley.application.organization.port.in.OrgToolCall;
import dev.parley.application.organization.port.in.OrgToolOutcome;
import dev.parley.application.organization.port.in.OrganizationNotFoundException;
import dev.parley.application.organization.port.in.RecordCollectedIntakeUseCase;
import dev.parley.application.organization.port.in.RecordEscalationUseCase;
import dev.parley.application.organization.port.in.TrackConversationPhaseUseCase;
import dev.parley.application.organization.port.out.ConversationPhases;
import dev.parley.application.organization.port.out.JsonObjects;
import dev.parley.application.organization.port.out.OrgCallRepository;
import dev.parley.application.organization.port.out.OrganizationRepository;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.call.CallId;
import dev.parley.domain.organization.Escalation;
import dev.parley.domain.organization.EscalationAction;
import dev.parley.domain.organization.EscalationPolicy;
import dev.parley.domain.organization.EscalationSource;
import dev.parley.domain.organization.IntakeCheck;
import dev.parley.domain.organization.OrgCall;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.organization.Organization;
import dev.parley.domain.organization.Urgency;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What happens in an organization's calls: its tools (escalate, complete the intake), escalations from the
 * live rules or a person, and the conversation phase they move. Each change is stored in one transaction
 * (the call's row locked), the phase is also put where every instance reads it, and escalations are
 * announced to the tenant's consoles after the transaction.
 */
public final class OrgCallService implements HandleOrganizationToolUseCase, RecordEscalationUseCase, EscalateCallManuallyUseCase,
        TrackConversationPhaseUseCase, GetOrganizationCallUseCase, RecordCollectedIntakeUseCase {
    private final OrganizationRepository organizations;
    private final OrgCallRepository orgCalls;
    private final ConversationPhases phases;
    private final CallEvents events;
    private final ListCallsUseCase calls;
    private final JsonObjects json;
    private final Transactions transactions;
    private final Clock clock;

    public OrgCallService(OrganizationRepository organizations, OrgCallRepository orgCalls, ConversationPhases phases, CallEvents events,
                          ListCallsUseCase calls, JsonObjects json, Transactions transactions, Clock clock) {
        this.organizations = organizations;
        this.orgCalls = orgCalls;
        this.phases = phases;
        this.events = events;
        this.calls = calls;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
    }

    // ---- tools

    @Override
    public OrgToolOutcome handle(OrgToolCall call) {
        Optional<Organization> org = organizations.find(call.tenant(), call.org());
        if (org.isEmpty()) return new OrgToolOutcome.Refused("This organization no longer exists. Apologise and end the call.");
        Map<String, Object> args;
        try {
            args = json.readObject(call.argumentsJson() == null || call.argumentsJson().isBlank() ? "{}" : call.argumentsJson());
        } catch (IllegalArgumentException malformed) {
            return new OrgToolOutcome.Refused("The arguments were not a JSON object. Call " + call.name() + " again with a JSON object.");
        }
        return switch (call.name()) {
            case OrgTools.ESCALATE -> escalateByAssistant(call, org.get(), args);
            case OrgTools.COMPLETE_INTAKE -> completeIntake(call, org.get(), args);
            default -> new OrgToolOutcome.Refused("Unknown tool: " + call.name());
        };
    }

    private OrgToolOutcome escalateByAssistant(OrgToolCall call, Organization org, Map<String, Object> args) {
        Object rawUrgency = args.get("urgency");
        Optional<Urgency> urgency = rawUrgency == null ? Optional.of(Urgency.NORMAL) : Urgency.parse(String.valueOf(rawUrgency));
        if (urgency.isEmpty()) return new OrgToolOutcome.Refused("urgency must be one of emergency, high, normal. Call escalate_to_human again.");
        String reason = args.get("reason") instanceof String s ? s : "";
        EscalationPolicy policy = org.config().escalation();
        // a browser's call has no phone line to hand over: the escalation flags it, and is stored so
        if (!call.canTransfer())
            policy = new EscalationPolicy(policy.transferNumber(), policy.emergencyKeywords(), policy.highPriorityKeywords(), false);
        EscalationAction action = EscalationAction.decide(EscalationSource.ASSISTANT, policy);
        record(new EscalationCommand(call.tenant(), call.org(), call.call(), EscalationSource.ASSISTANT, "", reason, urgency.get(), action));
        Optional<PhoneNumber> to = policy.transferTo();
        if (action == EscalationAction.TRANSFERRED && to.isPresent())
            return new OrgToolOutcome.Transfer("The caller is being transferred to a colleague now.", to.get());
        return new OrgToolOutcome.Done("A colleague has been alerted and will call the caller back. Tell the caller so, then continue helping them.");
    }

    /** The intake fields in {@code args}: nested under {@code fields}, or every member but {@code urgency}. */
    private static Map<String, Object> intakeFields(Map<String, Object> args) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (args.get("fields") instanceof Map<?, ?> nested) nested.forEach((k, v) -> fields.put(String.valueOf(k), v));
        else args.forEach((k, v) -> {
            if (!k.equals("urgency")) fields.put(k, v);
        });
        return fields;
    }

    private OrgToolOutcome completeIntake(OrgToolCall call, Organization org, Map<String, Object> args) {
        Map<String, Object> fields = intakeFields(args);
        Urgency urgency = args.get("urgency") == null ? Urgency.NORMAL : Urgency.parse(String.valueOf(args.get("urgency"))).orElse(Urgency.NORMAL);
        IntakeCheck check = org.config().intakeSchema().check(fields);
        Instant now = clock.instant();
        change(call.tenant(), call.org(), call.call(), c -> {
            switch (check) {
                case IntakeCheck.Complete complete -> c.intakeCompleted(complete.values(), urgency, now);
                case IntakeCheck.Incomplete incomplete -> c.intakeRefused(fields, urgency, now);
            }
        });
        return switch (check) {
            case IntakeCheck.Complete complete -> new OrgToolOutcome.Done("The intake is saved. Tell the caller what happens next.");
            case IntakeCheck.Incomplete incomplete -> new OrgToolOutcome.Refused("The intake is not complete: "
                    + String.join(" ", incomplete.problems()) + " Ask the caller, then call complete_intake again with all fields.");
        };
    }

    @Override
    public void record(TenantId tenant, OrgId org, CallId call, Map<String, Object> intake) {
        Organization o = organizations.find(tenant, org).orElseThrow(OrganizationNotFoundException::new);
        Map<String, Object> fields = intakeFields(intake);
        Object rawUrgency = intake.get("urgency");
        Urgency urgency = rawUrgency == null ? Urgency.NORMAL : Urgency.parse(String.valueOf(rawUrgency)).orElseThrow(() ->
                new InvalidValueException("intake.urgency", "intake.urgency", "intake.urgency must be emergency, high or normal"));
        switch (o.config().intakeSchema().check(fields)) {
            case IntakeCheck.Incomplete incomplete -> throw new InvalidValueException("intake", "intake.incomplete",
                    "The intake does not fit the organization's intake fields: " + String.join(" ", incomplete.problems()));
            case IntakeCheck.Complete complete -> {
                Instant now = clock.instant();
                // joins the caller's transaction: the call's row was created when it started, so this updates it
                OrgCall saved = transactions.inTransaction(() -> {
                    OrgCall c = orgCalls.findForUpdate(tenant, call).orElseGet(() -> OrgCall.begin(call, tenant, org, now));
                    c.intakeCompleted(complete.values(), urgency, now);
                    orgCalls.save(c);
                    return c;
                });
                phases.put(call, saved.phase());
            }
        }
    }

    // ---- escalations

    @Override
    public void record(EscalationCommand c) {
        Escalation escalation = new Escalation(c.call(), c.tenant(), c.org(), c.source(), c.words(), c.reason(), c.urgency(), c.action(),
                clock.instant());
        change(c.tenant(), c.org(), c.call(), call -> {
            call.escalated(c.urgency(), escalation.at());
            orgCalls.addEscalation(escalation);
        });
        events.publish(new CallEvent.Escalated(c.tenant(), Long.toString(c.call().value()), describe(escalation), c.urgency().wire(),
                c.action().wire(), escalation.at()));
    }

    @Override
    public EscalationView escalate(TenantId tenant, CallId call, String reason, Urgency urgency) {
        String ref = calls.get(tenant, call).call().scenarioRef();   // CallNotFoundException for another tenant's call
        OrgId org = OrgId.fromCallRef(ref).orElseThrow(NotAnOrganizationCallException::new);
        EscalationCommand command = new EscalationCommand(tenant, org, call, EscalationSource.MANUAL, "",
                reason == null ? "" : reason.strip(), urgency, EscalationAction.FLAGGED);
        record(command);
        return orgCalls.escalations(tenant, call).stream().reduce((a, b) -> b).map(EscalationView::of).orElseThrow();
    }

    /** What consoles show as the reason: the person's or assistant's words, else what the caller said that matched. */
    private static String describe(Escalation e) {
        if (!e.reason().isEmpty()) return e.reason();
        return switch (e.source()) {
            case EMERGENCY_KEYWORD -> "Emergency keyword: " + e.words();
            case HIGH_PRIORITY_KEYWORD -> "High-priority keyword: " + e.words();
            case UNCERTAINTY -> "The caller is unsure how serious it is: " + e.words();
            case ASSISTANT -> "The assistant asked for a person";
            case MANUAL -> "Escalated by a person";
        };
    }

    // ---- phases

    @Override
    public void began(TenantId tenant, OrgId org, CallId call) {
        change(tenant, org, call, c -> {
        });
    }

    @Override
    public void callerSpoke(TenantId tenant, OrgId org, CallId call) {
        Instant now = clock.instant();
        change(tenant, org, call, c -> c.callerSpoke(now));
    }

    @Override
    public Optional<OrgCallView> find(TenantId tenant, CallId call) {
        return orgCalls.find(tenant, call).map(c -> new OrgCallView(c.org().value(),
                phases.get(call).orElse(c.phase()).wire(), c.isEscalated(),
                orgCalls.escalations(tenant, call).stream().map(EscalationView::of).toList(),
                c.intake() == null ? null : new OrgCallView.Intake(c.intake(), c.intakeUrgency().wire(), c.isIntakeComplete())));
    }

    /** Applies {@code change} to the call's organization record (created at greeting when it has none) and stores it. */
    private OrgCall change(TenantId tenant, OrgId org, CallId call, Consumer<OrgCall> change) {
        OrgCall saved;
        try {
            saved = changeOnce(tenant, org, call, change);
        } catch (RuntimeException firstInsertRaced) {
            // two first changes of one call raced to insert its row: the other one's row is there to lock now
            saved = changeOnce(tenant, org, call, change);
        }
        return saved;
    }

    private OrgCall changeOnce(TenantId tenant, OrgId org, CallId call, Consumer<OrgCall> change) {
        return transactions.inTransaction(() -> {
            OrgCall c = orgCalls.findForUpdate(tenant, call).orElseGet(() -> OrgCall.begin(call, tenant, org, clock.instant()));
            change.accept(c);
            orgCalls.save(c);
            // while the row is locked, so the shared phase follows the order of the changes (a late "intake" never
            // overwrites "escalation")
            phases.put(call, c.phase());
            return c;
        });
    }
}
