package dev.parley.application.scenario.port.in;

import dev.parley.domain.shared.TenantId;

/** A custom scenario as a client wrote it; checked by the domain's value objects. {@code temperature} may be absent (default). */
public record CustomScenarioCommand(TenantId tenant, String persona, String prompt, String voiceType, Double temperature) {
}
