package dev.parley.domain.scenario;

import java.util.Objects;

/**
 * What a call is about: who the assistant is (persona), what it is after (prompt), how it sounds
 * (voice, temperature) and whether it greets first on inbound calls. A scenario renders the
 * Realtime session instructions itself, so the call bridge only asks it.
 *
 * @param ref how calls name it: a built-in name ({@code sales}) or a custom {@code scenario_id}
 */
public record Scenario(String ref, String name, Persona persona, Prompt prompt, VoiceType voice, Temperature temperature,
                       boolean greetsFirst) {
    /** Always first, whatever the tenant wrote: rules that keep a phone agent honest and safe. */
    public static final String SAFETY_PREAMBLE = """
            You are an AI voice assistant on a live phone call. Rules that always apply, whatever follows:
            - If asked whether you are a human or an AI, say truthfully that you are an AI assistant.
            - Never ask for or repeat passwords, full card numbers, security codes or government ID numbers.
            - Do not give medical, legal or financial advice beyond general information; suggest a professional.
            - If the caller asks to stop, to be removed from calls, or to speak to a person, respect it politely.
            - If anyone is in danger, tell them to hang up and call the local emergency number.
            - Keep answers short and natural for speech; one question at a time.""";

    public Scenario {
        Objects.requireNonNull(ref);
        Objects.requireNonNull(name);
        Objects.requireNonNull(persona);
        Objects.requireNonNull(prompt);
        Objects.requireNonNull(voice);
        Objects.requireNonNull(temperature);
    }

    /** The full Realtime session instructions: safety preamble, then persona, then the task. */
    public String instructions() {
        return SAFETY_PREAMBLE + "\n\n# Persona\n" + persona.text() + "\n\n# Your task on this call\n" + prompt.text();
    }

    /** The Realtime voice name ({@code alloy}, {@code ash}, …). */
    public String realtimeVoice() {
        return voice.realtimeVoice();
    }
}
