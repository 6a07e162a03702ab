package dev.parley.application.call.service;

import dev.parley.application.call.port.in.AcceptInboundCallUseCase;
import dev.parley.application.call.port.in.ConnectOutboundCallUseCase;
import dev.parley.application.call.port.in.RedeemStreamTokenUseCase;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.shared.Transactions;
import dev.parley.application.telephony.port.out.NumberDirectory;
import dev.parley.application.telephony.port.out.NumberRoute;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.call.CallId;

import java.time.Clock;
import java.util.Optional;

/**
 * Connects answered calls to their media stream: routes inbound calls to their tenant, issues the
 * one-time stream token of inbound and outbound calls, and redeems it when the stream arrives.
 */
public final class InboundCallService implements AcceptInboundCallUseCase, ConnectOutboundCallUseCase, RedeemStreamTokenUseCase {
    private final NumberDirectory numbers;
    private final CallRepository calls;
    private final Transactions transactions;
    private final Clock clock;
    private final CallPolicy policy;

    public InboundCallService(NumberDirectory numbers, CallRepository calls, Transactions transactions, Clock clock, CallPolicy policy) {
        this.numbers = numbers;
        this.calls = calls;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public InboundCallDecision accept(AcceptInboundCallCommand command) {
        return switch (numbers.route(command.dialled())) {
            case NumberRoute.Unassigned ignored -> new InboundCallDecision.Rejected();
            case NumberRoute.Assigned to -> {
                try {
                    yield transactions.inTransaction(() -> acceptOnce(command, to));
                } catch (CallRepository.CarrierSidTakenException retriedConcurrently) {
                    // the carrier sent the same webhook twice at once and the other request stored the call first:
                    // now it is there to be found (and locked), so this answer is about the same call
                    yield transactions.inTransaction(() -> acceptOnce(command, to));
                }
            }
        };
    }

    /** The carrier retries a webhook it did not get an answer to: the same call, with a fresh token. */
    private InboundCallDecision acceptOnce(AcceptInboundCallCommand command, NumberRoute.Assigned to) {
        Optional<Call> known = calls.findByCarrierSidForUpdate(command.carrierSid());
        if (known.isPresent() && known.get().isEnded()) return new InboundCallDecision.Rejected();
        Call call = known.orElseGet(() -> {
            Call c = Call.startInbound(calls.nextId(), to.tenant(), command.caller(), command.dialled(), to.scenarioRef(),
                    command.carrierSid(), clock.instant());
            calls.add(c);
            return c;
        });
        return new InboundCallDecision.Accepted(issueToken(call));
    }

    @Override
    public Optional<StreamTicket> connect(CallId id, String carrierSid) {
        return transactions.inTransaction(() -> calls.findForUpdate(id)
                .filter(c -> c.direction() == CallDirection.OUTBOUND && !c.isEnded())
                .filter(c -> c.carrierSid().map(carrierSid::equals).orElse(true))
                .map(c -> {
                    if (c.carrierSid().isEmpty()) c.dialled(carrierSid);
                    return issueToken(c);
                }));
    }

    @Override
    public Optional<RedeemedStream> redeem(CallId id, String token, String carrierSid) {
        if (token == null || token.isBlank()) return Optional.empty();
        String hash = StreamTokens.hash(token);
        return transactions.inTransaction(() -> calls.findForUpdate(id)
                .filter(c -> carrierSid == null || carrierSid.isBlank() || c.carrierSid().map(carrierSid::equals).orElse(false))
                .filter(c -> c.redeemStreamToken(hash, clock.instant()))
                .map(c -> {
                    calls.update(c);
                    return new RedeemedStream(c.id(), c.tenant(), c.direction(), c.scenarioRef(), c.carrierSid().orElse(""));
                }));
    }

    private StreamTicket issueToken(Call call) {
        String token = StreamTokens.newToken();
        call.issueStreamToken(StreamTokens.hash(token), clock.instant().plus(policy.streamTokenLifetime()));
        calls.update(call);
        return new StreamTicket(call.id(), token);
    }
}
