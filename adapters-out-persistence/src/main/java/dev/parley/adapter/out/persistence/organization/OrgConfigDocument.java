package dev.parley.adapter.out.persistence.organization;

import dev.parley.domain.organization.BusinessInfo;
import dev.parley.domain.organization.EscalationPolicy;
import dev.parley.domain.organization.IntakeField;
import dev.parley.domain.organization.IntakeFieldType;
import dev.parley.domain.organization.OpeningHours;
import dev.parley.domain.organization.OrgConfig;
import dev.parley.domain.organization.SafetyRules;
import dev.parley.domain.shared.PhoneNumber;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** An organization's configuration as stored: one JSON document (its own shape, versioned, independent of the API's). */
@Serdeable
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
record OrgConfigDocument(int version, Business business, Safety safety, Escalation escalation, List<Field> intake, String voice,
                         String language) {
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    record Business(String name, String description, String address, String timeZone, List<Hours> hours, List<String> services) {
    }

    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    record Hours(String day, String opens, String closes) {
    }

    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    record Safety(List<String> assistantIsNot, List<String> neverDo) {
    }

    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    record Escalation(@Nullable String transferNumber, List<String> emergencyKeywords, List<String> highPriorityKeywords, boolean transfer) {
    }

    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    record Field(String name, String type, boolean required, String description, List<String> allowedValues) {
    }

    static OrgConfigDocument of(OrgConfig c) {
        BusinessInfo b = c.business();
        EscalationPolicy e = c.escalation();
        return new OrgConfigDocument(1,
                new Business(b.name(), b.description(), b.address(), b.timeZone().getId(),
                        b.hours().stream().map(h -> new Hours(h.day().name(), h.opens().toString(), h.closes().toString())).toList(),
                        b.services()),
                new Safety(c.safety().assistantIsNot(), c.safety().neverDo()),
                new Escalation(e.transferNumber() == null ? null : e.transferNumber().e164(), e.emergencyKeywords(),
                        e.highPriorityKeywords(), e.transfer()),
                c.intake().stream().map(f -> new Field(f.name(), f.type().wire(), f.required(), f.description(), f.allowedValues())).toList(),
                c.voice(), c.language());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    OrgConfig toDomain() {
        return new OrgConfig(
                new BusinessInfo(business.name(), business.description(), business.address(), ZoneId.of(business.timeZone()),
                        orEmpty(business.hours()).stream().map(h -> new OpeningHours(DayOfWeek.valueOf(h.day()), LocalTime.parse(h.opens()),
                                LocalTime.parse(h.closes()))).toList(),
                        business.services()),
                new SafetyRules(safety.assistantIsNot(), safety.neverDo()),
                new EscalationPolicy(escalation.transferNumber() == null ? null : new PhoneNumber(escalation.transferNumber()),
                        escalation.emergencyKeywords(), escalation.highPriorityKeywords(), escalation.transfer()),
                orEmpty(intake).stream().map(f -> new IntakeField(f.name(), IntakeFieldType.parse("intake", f.type()), f.required(), f.description(),
                        f.allowedValues())).toList(),
                voice, language);
    }
}
