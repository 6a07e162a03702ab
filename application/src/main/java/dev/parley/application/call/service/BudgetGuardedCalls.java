package dev.parley.application.call.service;

import dev.parley.application.call.port.in.AcceptInboundCallUseCase;
import dev.parley.application.call.port.in.AcceptInboundCallUseCase.InboundCallDecision;
import dev.parley.application.call.port.in.PlaceOutboundCallUseCase;
import dev.parley.application.telephony.port.out.NumberDirectory;
import dev.parley.application.telephony.port.out.NumberRoute;
import dev.parley.application.usage.port.in.CheckBudgetUseCase;
import dev.parley.domain.usage.BudgetExhaustedException;

/**
 * Keeps calls from starting once a tenant's monthly budget is used up: outbound calls are refused with
 * {@link BudgetExhaustedException}, inbound callers hear a polite refusal. Calls already live go on.
 */
public final class BudgetGuardedCalls {
    private final CheckBudgetUseCase budget;

    public BudgetGuardedCalls(CheckBudgetUseCase budget) {
        this.budget = budget;
    }

    public PlaceOutboundCallUseCase guarding(PlaceOutboundCallUseCase place) {
        return command -> {
            if (budget.exhausted(command.tenant())) throw new BudgetExhaustedException();
            return place.place(command);
        };
    }

    /** The dialled number names the tenant; a tenant over budget does not take the call. */
    public AcceptInboundCallUseCase guarding(AcceptInboundCallUseCase accept, NumberDirectory numbers) {
        return command -> {
            if (numbers.route(command.dialled()) instanceof NumberRoute.Assigned to && budget.exhausted(to.tenant()))
                return new InboundCallDecision.Rejected(InboundCallDecision.RejectReason.OVER_BUDGET);
            return accept.accept(command);
        };
    }
}
