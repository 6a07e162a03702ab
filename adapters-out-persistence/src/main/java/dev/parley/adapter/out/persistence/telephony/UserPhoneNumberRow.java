package dev.parley.adapter.out.persistence.telephony;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

@MappedEntity("user_phone_numbers")
record UserPhoneNumberRow(@Id long id,
                          long tenantId,
                          String phoneNumber,
                          String twilioSid,
                          String friendlyName,
                          @MappedProperty("is_active") boolean active,
                          boolean voiceCapable,
                          boolean smsCapable,
                          String inboundScenario,
                          Instant createdAt) {
}
