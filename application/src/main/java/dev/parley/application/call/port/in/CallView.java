package dev.parley.application.call.port.in;

import dev.parley.domain.call.Call;

import java.time.Instant;

/** A call as the tenant sees it in lists and details. Times are null until they happen. */
public record CallView(long id, String carrierSid, String direction, String customerNumber, String organizationNumber,
                       String scenarioRef, String status, Instant createdAt, Instant answeredAt, Instant endedAt,
                       long durationSeconds, String endReason) {
    public static CallView of(Call c) {
        return new CallView(c.id().value(), c.carrierSid().orElse(null), c.direction().wire(), c.customerNumber().e164(),
                c.organizationNumber().e164(), c.scenarioRef(), c.status().wire(), c.createdAt(), c.answeredAt().orElse(null),
                c.endedAt().orElse(null), c.durationSeconds(), c.endReason().orElse(null));
    }
}
