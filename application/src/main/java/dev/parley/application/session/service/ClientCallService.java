package dev.parley.application.session.service;

import dev.parley.application.call.port.in.CallView;
import dev.parley.application.call.port.in.EndReportedCallUseCase;
import dev.parley.application.call.port.in.EndReportedCallUseCase.EndReportedCallCommand;
import dev.parley.application.call.port.in.ListCallsUseCase;
import dev.parley.application.call.port.in.StartReportedCallUseCase;
import dev.parley.application.call.port.in.StartReportedCallUseCase.StartReportedCallCommand;
import dev.parley.application.organization.port.in.GetOrganizationCallUseCase;
import dev.parley.application.organization.port.in.GetOrganizationUseCase;
import dev.parley.application.organization.port.in.NotAnOrganizationCallException;
import dev.parley.application.organization.port.in.OrgCallView;
import dev.parley.application.organization.port.in.RecordCollectedIntakeUseCase;
import dev.parley.application.organization.port.in.TrackConversationPhaseUseCase;
import dev.parley.application.session.port.in.EndClientCallUseCase;
import dev.parley.application.session.port.in.StartClientCallUseCase;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.call.CallId;
import dev.parley.domain.organization.ConversationPhase;
import dev.parley.domain.organization.OrgId;

import java.util.List;
import java.util.Optional;

/**
 * Calls a client runs itself (seed 003's call API): started for an organization, ended with the transcript and intake
 * the client collected. The end is one transaction (the call locked first), so two ends at once store once.
 */
public final class ClientCallService implements StartClientCallUseCase, EndClientCallUseCase {
    private final GetOrganizationUseCase organizations;
    private final StartReportedCallUseCase starts;
    private final EndReportedCallUseCase ends;
    private final RecordCollectedIntakeUseCase intakes;
    private final TrackConversationPhaseUseCase phases;
    private final ListCallsUseCase calls;
    private final GetOrganizationCallUseCase orgCalls;
    private final Transactions transactions;

    public ClientCallService(GetOrganizationUseCase organizations, StartReportedCallUseCase starts, EndReportedCallUseCase ends,
                             RecordCollectedIntakeUseCase intakes, TrackConversationPhaseUseCase phases, ListCallsUseCase calls,
                             GetOrganizationCallUseCase orgCalls, Transactions transactions) {
        this.organizations = organizations;
        this.starts = starts;
        this.ends = ends;
        this.intakes = intakes;
        this.phases = phases;
        this.calls = calls;
        this.orgCalls = orgCalls;
        this.transactions = transactions;
    }

    @Override
    public CallView start(StartClientCallCommand c) {
        organizations.get(c.tenant(), c.org());   // another tenant's organization: not found
        CallId call = starts.start(new StartReportedCallCommand(c.tenant(), c.org().callRef(), c.channel(), c.direction(),
                c.customerNumber()));
        phases.began(c.tenant(), c.org(), call);
        return calls.get(c.tenant(), call).call();
    }

    @Override
    public EndedClientCallView end(EndClientCallCommand c) {
        Optional<OrgId> org = OrgId.fromCallRef(calls.get(c.tenant(), c.call()).call().scenarioRef());   // not found first
        boolean endedNow = transactions.inTransaction(() -> {
            boolean endedHere = ends.end(new EndReportedCallCommand(c.tenant(), c.call(), c.lines()));
            if (endedHere && c.intake() != null)
                intakes.record(c.tenant(), org.orElseThrow(NotAnOrganizationCallException::new), c.call(), c.intake());
            return endedHere;
        });
        ListCallsUseCase.CallDetails stored = calls.get(c.tenant(), c.call());
        OrgCallView side = orgCalls.find(c.tenant(), c.call()).orElseGet(() -> org.map(o -> new OrgCallView(o.value(),
                ConversationPhase.GREETING.wire(), false, List.of(), null)).orElse(null));
        return new EndedClientCallView(stored.call(), stored.messages().size(), side, endedNow);
    }
}
