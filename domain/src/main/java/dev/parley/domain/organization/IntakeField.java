package dev.parley.domain.organization;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** One piece of information the assistant collects from the caller. A {@code choice} field lists its allowed values. */
public record IntakeField(String name, IntakeFieldType type, boolean required, String description, List<String> allowedValues) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public IntakeField {
        if (name == null || !NAME.matcher(name).matches())
            throw Limits.invalid("intake.fields.name", "field-name", "must be lower case letters, digits and _ (at most 40), starting with a letter");
        Objects.requireNonNull(type, "type");
        description = Objects.requireNonNullElse(Limits.text("intake.fields.description", description, 300, false), "");
        allowedValues = Limits.texts("intake.fields.allowed_values", allowedValues, 30, 60);
        if (type == IntakeFieldType.CHOICE && allowedValues.isEmpty())
            throw Limits.invalid("intake.fields.allowed_values", "choice-values", "must list the values of a choice field");
    }
}
