package dev.parley.application.schedule.port.in;

import dev.parley.domain.shared.NotFoundException;

/** No such scheduled call for the asking tenant (another tenant's included). */
public class ScheduledCallNotFoundException extends NotFoundException {
    public ScheduledCallNotFoundException() {
        super("schedule.not-found", "Scheduled call not found");
    }
}
