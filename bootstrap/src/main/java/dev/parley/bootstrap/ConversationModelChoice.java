package dev.parley.bootstrap;

import java.util.Locale;
import java.util.Map;

/**
 * Which conversation model calls talk to: CONVERSATION_MODEL ({@code realtime} or {@code simulated})
 * when set; otherwise the simulated assistant in development mode without an OPENAI_API_KEY, so a
 * fresh clone can hold a whole call, and the OpenAI Realtime API in every other case.
 */
final class ConversationModelChoice {
    static final String PROPERTY = "parley.conversation.model";

    private ConversationModelChoice() {
    }

    static Map<String, Object> properties(Map<String, String> environment) {
        return Map.of(PROPERTY, choose(environment));
    }

    static String choose(Map<String, String> environment) {
        String named = environment.getOrDefault("CONVERSATION_MODEL", "").strip().toLowerCase(Locale.ROOT);
        if (!named.isEmpty()) {
            if (!named.equals("realtime") && !named.equals("simulated"))
                throw new IllegalArgumentException("CONVERSATION_MODEL must be realtime or simulated, not " + named);
            return named;
        }
        boolean development = !"false".equalsIgnoreCase(environment.getOrDefault("DEVELOPMENT_MODE", "true").strip());
        boolean keyless = environment.getOrDefault("OPENAI_API_KEY", "").isBlank();
        return development && keyless ? "simulated" : "realtime";
    }
}
