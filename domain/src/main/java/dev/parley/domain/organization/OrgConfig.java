package dev.parley.domain.organization;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Everything an organization's agent follows (seed 003): its business information, safety rules,
 * escalation policy, the intake fields to collect, and the voice and language it speaks.
 */
public record OrgConfig(BusinessInfo business, SafetyRules safety, EscalationPolicy escalation, List<IntakeField> intake,
                        String voice, String language) {
    /** The Realtime API's voices. */
    public static final List<String> VOICES = List.of("alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse",
            "marin", "cedar");

    public OrgConfig {
        Objects.requireNonNull(business, "business");
        safety = safety == null ? SafetyRules.none() : safety;
        escalation = escalation == null ? EscalationPolicy.defaults() : escalation;
        intake = intake == null ? List.of() : List.copyOf(intake);
        if (intake.size() > 30) throw Limits.invalid("intake.fields", "too-many", "must hold at most 30 entries");
        Set<String> names = new HashSet<>();
        for (IntakeField f : intake)
            if (!names.add(f.name())) throw Limits.invalid("intake.fields", "duplicate-field", "names " + f.name() + " twice");
        voice = voice == null || voice.isBlank() ? "alloy" : voice.strip().toLowerCase(Locale.ROOT);
        if (!VOICES.contains(voice)) throw Limits.invalid("voice", "voice", "must be one of " + String.join(", ", VOICES));
        language = language == null || language.isBlank() ? "en" : language.strip();
        if (!language.matches("[a-z]{2}(-[A-Z]{2})?")) throw Limits.invalid("language", "language", "must be a language code such as en or en-US");
    }

    /** A new organization's configuration: its name, default safety and escalation, nothing to collect. */
    public static OrgConfig initial(String name) {
        return new OrgConfig(BusinessInfo.named(name), SafetyRules.none(), EscalationPolicy.defaults(), List.of(), "alloy", "en");
    }

    /** The intake fields as a schema that checks what the assistant collected. */
    public IntakeSchema intakeSchema() {
        return new IntakeSchema(intake);
    }

    /** The escalation rules the caller's words are screened with. */
    public EscalationRules escalationRules() {
        return new EscalationRules(escalation.emergencyKeywords(), escalation.highPriorityKeywords());
    }
}
