package dev.parley.adapter.in.web.organization;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.application.organization.port.in.OrganizationView;
import dev.parley.domain.organization.BusinessInfo;
import dev.parley.domain.organization.EscalationPolicy;
import dev.parley.domain.organization.IntakeField;
import dev.parley.domain.organization.IntakeFieldType;
import dev.parley.domain.organization.OpeningHours;
import dev.parley.domain.organization.OrgConfig;
import dev.parley.domain.organization.SafetyRules;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Request and response bodies of the organization routes (seed 003, snake_case). The configuration has
 * one shape both ways; a POST may leave sections out, and those keep their current value.
 */
final class OrgMessages {
    private OrgMessages() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record CreateOrgRequest(@NotBlank @Size(max = 100) String name) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OrgResponse(long orgId, String name, Instant createdAt, Instant updatedAt) {
        static OrgResponse from(OrganizationView v) {
            return new OrgResponse(v.orgId(), v.name(), v.createdAt(), v.updatedAt());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Hours(@NotBlank @Size(max = 10) String day, @NotBlank @Size(max = 5) String open, @NotBlank @Size(max = 5) String close) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Business(@NotBlank @Size(max = 100) String name, @Nullable @Size(max = 2000) String description,
                    @Nullable @Size(max = 300) String address, @Nullable @Size(max = 64) String timeZone,
                    @Nullable @Size(max = 7) List<@Valid Hours> hours, @Nullable @Size(max = 50) List<String> services) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Safety(@Nullable @Size(max = 20) List<String> assistantIsNot, @Nullable @Size(max = 20) List<String> neverDo) {
    }

    /** @param mode {@code transfer} (default) or {@code flag} */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Escalation(@Nullable @Size(max = 32) String transferNumber, @Nullable @Size(max = 50) List<String> emergencyKeywords,
                      @Nullable @Size(max = 50) List<String> highPriorityKeywords, @Nullable @Size(max = 8) String mode) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Field(@NotBlank @Size(max = 40) String name, @NotBlank @Size(max = 16) String type, @Nullable Boolean required,
                 @Nullable @Size(max = 300) String description, @Nullable @Size(max = 30) List<String> allowedValues) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Intake(@Nullable @Size(max = 30) List<@Valid Field> fields) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OrgConfigMessage(@Nullable @Valid Business business, @Nullable @Valid Safety safety, @Nullable @Valid Escalation escalation,
                            @Nullable @Valid Intake intake, @Nullable @Size(max = 16) String voice, @Nullable @Size(max = 8) String language) {

        /** The configuration this request makes of {@code current}: sections it leaves out stay as they are. */
        OrgConfig applyTo(OrgConfig current) {
            return new OrgConfig(business == null ? current.business() : toBusiness(business),
                    safety == null ? current.safety() : new SafetyRules(safety.assistantIsNot(), safety.neverDo()),
                    escalation == null ? current.escalation() : toEscalation(escalation),
                    intake == null ? current.intake() : toIntake(intake),
                    voice == null ? current.voice() : voice, language == null ? current.language() : language);
        }

        static OrgConfigMessage from(OrgConfig c) {
            BusinessInfo b = c.business();
            EscalationPolicy e = c.escalation();
            return new OrgConfigMessage(
                    new Business(b.name(), b.description(), b.address(), b.timeZone().getId(),
                            b.hours().stream().map(h -> new Hours(h.day().name().toLowerCase(Locale.ROOT), h.opens().toString(),
                                    h.closes().toString())).toList(), b.services()),
                    new Safety(c.safety().assistantIsNot(), c.safety().neverDo()),
                    new Escalation(e.transferNumber() == null ? null : e.transferNumber().e164(), e.emergencyKeywords(),
                            e.highPriorityKeywords(), e.transfer() ? "transfer" : "flag"),
                    new Intake(c.intake().stream().map(f -> new Field(f.name(), f.type().wire(), f.required(), f.description(),
                            f.allowedValues())).toList()),
                    c.voice(), c.language());
        }
    }

    private static BusinessInfo toBusiness(Business b) {
        ZoneId zone;
        try {
            zone = b.timeZone() == null || b.timeZone().isBlank() ? ZoneId.of("UTC") : ZoneId.of(b.timeZone().strip());
        } catch (DateTimeException e) {
            throw new InvalidValueException("business.time_zone", "org-config.time-zone", "business.time_zone must be an IANA time zone such as Europe/Berlin");
        }
        List<OpeningHours> hours = new ArrayList<>();
        List<Hours> given = b.hours() == null ? List.of() : b.hours();
        for (int i = 0; i < given.size(); i++) {
            Hours h = given.get(i);
            String field = "business.hours[" + i + "]";
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(h.day().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException(field + ".day", "org-config.day", field + ".day must be a weekday such as monday");
            }
            hours.add(new OpeningHours(day, time(field + ".open", h.open()), time(field + ".close", h.close())));
        }
        return new BusinessInfo(b.name(), b.description(), b.address(), zone, hours, b.services());
    }

    private static LocalTime time(String field, String raw) {
        try {
            return LocalTime.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "org-config.time", field + " must be a time as HH:MM");
        }
    }

    private static EscalationPolicy toEscalation(Escalation e) {
        PhoneNumber to;
        try {
            to = e.transferNumber() == null || e.transferNumber().isBlank() ? null : PhoneNumber.parse(e.transferNumber());
        } catch (InvalidValueException bad) {
            throw new InvalidValueException("escalation.transfer_number", bad.code(), "escalation.transfer_number must be an E.164 number such as +14155550123");
        }
        String mode = e.mode() == null ? "transfer" : e.mode().strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("transfer") && !mode.equals("flag"))
            throw new InvalidValueException("escalation.mode", "org-config.mode", "escalation.mode must be transfer or flag");
        return new EscalationPolicy(to, e.emergencyKeywords(), e.highPriorityKeywords(), mode.equals("transfer"));
    }

    private static List<IntakeField> toIntake(Intake intake) {
        List<IntakeField> fields = new ArrayList<>();
        List<Field> given = intake.fields() == null ? List.of() : intake.fields();
        for (int i = 0; i < given.size(); i++) {
            Field f = given.get(i);
            fields.add(new IntakeField(f.name(), IntakeFieldType.parse("intake.fields[" + i + "].type", f.type()),
                    Boolean.TRUE.equals(f.required()), f.description(), f.allowedValues()));
        }
        return fields;
    }
}
