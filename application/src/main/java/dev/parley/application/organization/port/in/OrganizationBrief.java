package dev.parley.application.organization.port.in;

import dev.parley.domain.organization.EscalationPolicy;
import dev.parley.domain.organization.EscalationRules;
import dev.parley.domain.organization.OrgId;

import java.util.List;

/**
 * How to set up a conversation for an organization, on the phone or in a browser: the composed
 * instructions, the voice and language, the tools the model may call (run them with
 * {@link HandleOrganizationToolUseCase}), and the rules the caller's words are screened with.
 *
 * @param transcriptionLanguage the language the caller's speech is transcribed in (ISO 639-1)
 */
public record OrganizationBrief(OrgId org, String name, String instructions, String voice, String transcriptionLanguage,
                                List<ToolSpec> tools, EscalationRules rules, EscalationPolicy escalation) {
    public OrganizationBrief {
        tools = List.copyOf(tools);
    }

    /** A function the model may call; {@code parametersJsonSchema} is a JSON Schema object. */
    public record ToolSpec(String name, String description, String parametersJsonSchema) {
    }
}
