package dev.parley.application.scenario.port.in;

import dev.parley.domain.shared.TenantId;

/**
 * A custom scenario as a client wrote it; checked by the domain's value objects. {@code temperature} may be absent (default);
 * {@code transferPhoneNumber} may be absent (its calls are transferred to the global TRANSFER_PHONE_NUMBER);
 * {@code calendarTools} says whether its calls get the calendar tools (absent: they do not).
 */
public record CustomScenarioCommand(TenantId tenant, String persona, String prompt, String voiceType, Double temperature,
                                    String transferPhoneNumber, boolean calendarTools) {
    /** Without calendar tools. */
    public CustomScenarioCommand(TenantId tenant, String persona, String prompt, String voiceType, Double temperature,
                                 String transferPhoneNumber) {
        this(tenant, persona, prompt, voiceType, temperature, transferPhoneNumber, false);
    }

    /** Without a transfer number of its own and without calendar tools. */
    public CustomScenarioCommand(TenantId tenant, String persona, String prompt, String voiceType, Double temperature) {
        this(tenant, persona, prompt, voiceType, temperature, null, false);
    }
}
