package dev.parley.application.organization.service;

import dev.parley.application.organization.port.in.OrganizationBrief.ToolSpec;
import dev.parley.application.shared.Json;
import dev.parley.domain.organization.IntakeField;
import dev.parley.domain.organization.OrgConfig;

import java.util.ArrayList;
import java.util.List;

/** The tools an organization's assistant gets, with their JSON Schemas (the intake one built from the organization's fields). */
final class OrgTools {
    static final String ESCALATE = "escalate_to_human";
    static final String COMPLETE_INTAKE = "complete_intake";

    private OrgTools() {
    }

    static List<ToolSpec> of(OrgConfig config) {
        List<ToolSpec> tools = new ArrayList<>(2);
        tools.add(new ToolSpec(ESCALATE, "Involve a person: the caller asks for one, may be in danger, or you cannot help. "
                + (config.escalation().transferTo().isPresent() ? "The caller is transferred to a colleague: tell them first."
                : "A colleague is alerted and calls back: tell the caller so."),
                "{\"type\":\"object\",\"properties\":{"
                        + "\"reason\":{\"type\":\"string\",\"description\":\"Why a person is needed, in one sentence\"},"
                        + "\"urgency\":{\"type\":\"string\",\"enum\":[\"emergency\",\"high\",\"normal\"]}},"
                        + "\"required\":[\"reason\",\"urgency\"]}"));
        if (!config.intake().isEmpty()) tools.add(new ToolSpec(COMPLETE_INTAKE,
                "Submit the intake once the caller has confirmed it. A problem in the answer names the field to ask about; then call again.",
                intakeSchema(config.intake())));
        return List.copyOf(tools);
    }

    static String intakeSchema(List<IntakeField> fields) {
        StringBuilder props = new StringBuilder();
        List<String> required = new ArrayList<>();
        for (IntakeField f : fields) {
            if (!props.isEmpty()) props.append(',');
            props.append(Json.quote(f.name())).append(":{\"type\":").append(switch (f.type()) {
                case NUMBER -> "\"number\"";
                case BOOLEAN -> "\"boolean\"";
                default -> "\"string\"";
            });
            if (!f.allowedValues().isEmpty()) {
                props.append(",\"enum\":[");
                for (int i = 0; i < f.allowedValues().size(); i++) props.append(i == 0 ? "" : ",").append(Json.quote(f.allowedValues().get(i)));
                props.append(']');
            }
            String description = switch (f.type()) {
                case DATE -> "YYYY-MM-DD. ";
                case PHONE -> "With country code, e.g. +14155550123. ";
                default -> "";
            } + f.description();
            if (!description.isBlank()) props.append(",\"description\":").append(Json.quote(description.strip()));
            props.append('}');
            if (f.required()) required.add(Json.quote(f.name()));
        }
        return "{\"type\":\"object\",\"properties\":{"
                + "\"fields\":{\"type\":\"object\",\"properties\":{" + props + "},\"required\":[" + String.join(",", required) + "]},"
                + "\"urgency\":{\"type\":\"string\",\"enum\":[\"emergency\",\"high\",\"normal\"]}},"
                + "\"required\":[\"fields\"]}";
    }
}
