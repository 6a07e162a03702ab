package dev.parley.application.usage.service;

import dev.parley.application.call.port.in.AcceptInboundCallUseCase;
import dev.parley.application.call.port.in.AcceptInboundCallUseCase.InboundCallDecision;
import dev.parley.application.call.port.in.PlaceOutboundCallUseCase;
import dev.parley.application.schedule.port.in.ScheduleCallUseCase;
import dev.parley.application.telephony.port.out.NumberDirectory;
import dev.parley.application.telephony.port.out.NumberRoute;
import dev.parley.domain.usage.BudgetExhaustedException;

/**
 * Keeps calls from starting once a tenant's monthly budget is used up: outbound and scheduled calls are
 * refused with {@link BudgetExhaustedException}, inbound calls hear a polite refusal. Calls already live go on.
 */
public final class BudgetGuard {
    private final UsageService usage;

    public BudgetGuard(UsageService usage) {
        this.usage = usage;
    }

    public PlaceOutboundCallUseCase guarding(PlaceOutboundCallUseCase place) {
        return command -> {
            if (usage.exhausted(command.tenant())) throw new BudgetExhaustedException();
            return place.place(command);
        };
    }

    public ScheduleCallUseCase guarding(ScheduleCallUseCase schedule) {
        return command -> {
            if (usage.exhausted(command.tenant())) throw new BudgetExhaustedException();
            return schedule.schedule(command);
        };
    }

    /** The dialled number names the tenant; a tenant over budget does not take the call. */
    public AcceptInboundCallUseCase guarding(AcceptInboundCallUseCase accept, NumberDirectory numbers) {
        return command -> {
            if (numbers.route(command.dialled()) instanceof NumberRoute.Assigned to && usage.exhausted(to.tenant()))
                return new InboundCallDecision.Rejected(InboundCallDecision.RejectReason.OVER_BUDGET);
            return accept.accept(command);
        };
    }
}
