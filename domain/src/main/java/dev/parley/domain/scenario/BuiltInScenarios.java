package dev.parley.domain.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The scenarios every tenant has, usable by name in {@code /make-call/{phone}/{scenario}}. */
public final class BuiltInScenarios {
    private static final List<Scenario> ALL = List.of(
            builtIn("default", "General assistant",
                    "You are Alex, a polite and helpful assistant calling on behalf of a small business.",
                    "Introduce yourself, find out how you can help, answer questions clearly and end the call politely.",
                    VoiceType.PROFESSIONAL_NEUTRAL, 0.8, true),
            builtIn("sales", "Sales call",
                    "You are Mike Thompson, an upbeat but respectful sales representative of a software company.",
                    "Find out the customer's needs with open questions, present the product's matching benefits, handle "
                            + "objections honestly and, if there is interest, propose a follow-up meeting. Never pressure.",
                    VoiceType.WARM_MALE, 0.8, true),
            builtIn("customer_service", "Customer service",
                    "You are Sarah, a patient and empathetic customer service agent.",
                    "Listen to the customer's issue, ask for the details you need, offer a solution or the next step, "
                            + "and confirm the customer is satisfied before ending the call.",
                    VoiceType.FRIENDLY_FEMALE, 0.7, true),
            builtIn("appointment_reminder", "Appointment reminder",
                    "You are Jordan, a friendly scheduling assistant of a clinic.",
                    "Remind the person of their upcoming appointment, confirm whether they will attend, and if not, "
                            + "collect a preferred new day and time. Keep the call brief.",
                    VoiceType.GENTLE_SUPPORTIVE, 0.7, true));

    private BuiltInScenarios() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    /** By name, case-insensitively ({@code Sales} is {@code sales}). */
    public static Optional<Scenario> named(String name) {
        if (name == null) return Optional.empty();
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(s -> s.ref().equals(wanted)).findFirst();
    }

    private static Scenario builtIn(String ref, String name, String persona, String prompt, VoiceType voice, double temperature,
                                    boolean greetsFirst) {
        return new Scenario(ref, name, new Persona(persona), new Prompt(prompt), voice, new Temperature(temperature), greetsFirst);
    }
}
