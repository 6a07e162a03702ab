package dev.parley.application.call.port.in;

import dev.parley.domain.call.Call;

import java.time.Instant;

/** A call as the tenant sees it in lists and details. Times are null until they happen. */
public record CallView(long id, String carrierSid, String direction, String customerNumber, String organizationNumber,
                       String scenarioRef, String status, Instant createdAt, Instant answeredAt, Instant endedAt,
                       long durationSeconds, String endReason, String channel) {
    public static CallView of(Call c) {
        return new CallView(c.id().value(), c.carrierSid().orElse(null), c.direction().wire(), e164(c.customerNumber()),
                e164(c.organizationNumber()), c.scenarioRef(), c.status().wire(), c.createdAt(), c.answeredAt().orElse(null),
                c.endedAt().orElse(null), c.durationSeconds(), c.endReason().orElse(null), c.channel().wire());
    }

    /** A browser call has no numbers: its number fields are empty. */
    private static String e164(dev.parley.domain.shared.PhoneNumber number) {
        return number == null ? "" : number.e164();
    }
}
