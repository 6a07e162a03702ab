package dev.parley.domain.organization;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Composes an organization agent's system prompt, in this order: the safety constraints, the
 * organization's information, the intake guidelines, the escalation triggers, and the closing format.
 * Safety comes first so nothing the organization writes can precede it.
 */
public final class PromptComposer {
    static final String SAFETY = "# Safety constraints";
    static final String ORGANIZATION = "# About the organization";
    static final String INTAKE = "# Intake";
    static final String ESCALATION = "# Escalation";
    static final String CLOSING = "# Closing";

    /** Kept by every assistant, whatever the organization says. */
    static final List<String> ALWAYS_NEVER = List.of(
            "invent facts, prices, opening hours or availability you were not given here",
            "give a diagnosis, legal or financial advice, or tell a caller a situation is not serious",
            "ask for passwords, card numbers or other secrets");

    public String compose(OrgConfig config) {
        StringBuilder p = new StringBuilder(2048);
        BusinessInfo b = config.business();
        p.append("You are the voice assistant answering the phone for ").append(b.name()).append(".\n\n");

        p.append(SAFETY).append('\n');
        for (String not : config.safety().assistantIsNot()) p.append("- You are NOT ").append(stripArticle(not)).append(".\n");
        p.append("- You are an AI assistant; say so if asked.\n");
        for (String never : config.safety().neverDo()) p.append("- Never ").append(lowerFirst(never)).append(".\n");
        for (String never : ALWAYS_NEVER) p.append("- Never ").append(never).append(".\n");
        p.append("- If a caller may be in danger, tell them to call the local emergency number now and escalate at once.\n\n");

        p.append(ORGANIZATION).append('\n');
        p.append("Name: ").append(b.name()).append('\n');
        if (!b.description().isEmpty()) p.append("Description: ").append(b.description()).append('\n');
        if (!b.address().isEmpty()) p.append("Address: ").append(b.address()).append('\n');
        p.append("Opening hours (time zone ").append(b.timeZone().getId()).append("):");
        if (b.hours().isEmpty()) p.append(" not given; do not state any.\n");
        else {
            p.append('\n');
            for (OpeningHours h : b.hours())
                p.append("- ").append(h.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH)).append(": ")
                        .append(h.opens()).append("-").append(h.closes()).append('\n');
            p.append("- Other days: closed\n");
        }
        if (!b.services().isEmpty()) p.append("Services: ").append(String.join(", ", b.services())).append('\n');
        p.append('\n');

        p.append(INTAKE).append('\n');
        List<IntakeField> fields = config.intake();
        if (fields.isEmpty()) p.append("There is nothing to collect; help the caller with their question.\n");
        else {
            p.append("Collect these fields, asking one question at a time, in a natural order:\n");
            for (IntakeField f : fields) {
                p.append("- ").append(f.name()).append(" (").append(f.type().wire()).append(f.required() ? ", required" : ", optional").append(')');
                if (!f.description().isEmpty()) p.append(": ").append(f.description());
                if (!f.allowedValues().isEmpty()) p.append(" One of: ").append(String.join(", ", f.allowedValues())).append('.');
                p.append('\n');
            }
            p.append("Before finishing, repeat what you collected and ask the caller to confirm it. ")
                    .append("Then call complete_intake with the fields. If it reports a problem, ask the caller about that field and call it again.\n");
        }
        p.append('\n');

        p.append(ESCALATION).append('\n');
        EscalationPolicy e = config.escalation();
        if (!e.emergencyKeywords().isEmpty())
            p.append("Emergencies (escalate at once with urgency emergency): ").append(String.join(", ", e.emergencyKeywords())).append(".\n");
        if (!e.highPriorityKeywords().isEmpty())
            p.append("High priority (escalate with urgency high): ").append(String.join(", ", e.highPriorityKeywords())).append(".\n");
        p.append("If the caller asks for a person, or you are unsure how to help, call escalate_to_human with a short reason and the urgency.\n");
        p.append(e.transferTo().isPresent() ? "Escalating transfers the caller to a colleague; tell them so before you escalate.\n"
                : "Nobody can take the call now: escalating flags it so a colleague calls back; tell the caller so.\n");
        p.append('\n');

        p.append(CLOSING).append('\n');
        p.append("Speak ").append(languageName(config.language())).append(". Keep answers short: one or two sentences.\n");
        p.append("When the caller's request is handled, summarise the next step in one sentence, say goodbye, and call end_call.\n");
        return p.toString();
    }

    private static String stripArticle(String s) {
        String t = s.strip();
        if (t.regionMatches(true, 0, "not ", 0, 4)) t = t.substring(4);
        return lowerFirst(t.endsWith(".") ? t.substring(0, t.length() - 1) : t);
    }

    private static String lowerFirst(String s) {
        String t = s.strip();
        if (t.endsWith(".")) t = t.substring(0, t.length() - 1);
        return t.isEmpty() ? t : Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }

    private static String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }
}
