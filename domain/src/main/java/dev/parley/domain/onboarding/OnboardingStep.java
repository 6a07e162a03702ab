package dev.parley.domain.onboarding;

import dev.parley.domain.shared.InvalidValueException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The steps of a new tenant's set-up, in the order the wizard shows them. */
public enum OnboardingStep {
    PHONE_SETUP("phone_setup", "Get a phone number", "Search for and provision your own phone number", "/twilio/search-numbers"),
    CALENDAR_CONNECTED("calendar_connected", "Connect Google Calendar", "Let the assistant check your availability (optional)",
            "/google-calendar/auth"),
    FIRST_SCENARIO_CREATED("first_scenario_created", "Create your first scenario",
            "Describe a persona and a goal for your AI agent", "/realtime/custom-scenario"),
    WELCOME_CALL_COMPLETED("welcome_call_completed", "Make a welcome call", "Place a first test call with your agent",
            "/make-call/{phone_number}/default");

    private static final String ACCEPTED = Arrays.stream(values()).map(OnboardingStep::wireName).collect(Collectors.joining(", "));

    private final String wireName;
    private final String title;
    private final String description;
    private final String endpoint;

    OnboardingStep(String wireName, String title, String description, String endpoint) {
        this.wireName = wireName;
        this.title = title;
        this.description = description;
        this.endpoint = endpoint;
    }

    /** Reads a client's step name; {@code phone_number_setup} (the seed's column name) is phone_setup. */
    public static OnboardingStep parse(String raw) {
        if (raw != null) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            if (name.equals("phone_number_setup")) return PHONE_SETUP;
            for (OnboardingStep step : values()) if (step.wireName.equals(name)) return step;
        }
        throw new InvalidValueException("step", "onboarding-step.unknown", "step must be one of: " + ACCEPTED);
    }

    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The API route that does this step. */
    public String endpoint() {
        return endpoint;
    }
}
