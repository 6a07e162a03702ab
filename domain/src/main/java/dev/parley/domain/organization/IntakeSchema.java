package dev.parley.domain.organization;

import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks what the assistant collected against the organization's intake fields: required fields must be
 * there and not blank, values must fit their type (a number, yes/no, an ISO date, an E.164 phone number,
 * an e-mail address, one of a choice's values). Fields the organization does not ask for are left out.
 */
public final class IntakeSchema {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private final List<IntakeField> fields;

    public IntakeSchema(List<IntakeField> fields) {
        this.fields = List.copyOf(fields);
    }

    public List<IntakeField> fields() {
        return fields;
    }

    public IntakeCheck check(Map<String, ?> collected) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (IntakeField field : fields) {
            Object raw = collected == null ? null : collected.get(field.name());
            if (raw == null || raw instanceof String s && s.isBlank()) {
                if (field.required()) problems.add("Missing required field " + field.name()
                        + (field.description().isEmpty() ? "" : " (" + field.description() + ")") + ".");
                continue;
            }
            try {
                values.put(field.name(), normalise(field, raw));
            } catch (IllegalArgumentException | InvalidValueException | DateTimeParseException bad) {
                problems.add("Field " + field.name() + " " + expectation(field) + ".");
            }
        }
        return problems.isEmpty() ? new IntakeCheck.Complete(values) : new IntakeCheck.Incomplete(problems);
    }

    private static Object normalise(IntakeField field, Object raw) {
        String text = raw instanceof String s ? s.strip() : String.valueOf(raw);
        if (text.length() > 1000) throw new IllegalArgumentException("too long");
        return switch (field.type()) {
            case STRING -> text;
            case NUMBER -> raw instanceof Number n ? n : new BigDecimal(text);
            case BOOLEAN -> raw instanceof Boolean b ? b : switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y" -> Boolean.TRUE;
                case "false", "no", "n" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("not yes or no");
            };
            case DATE -> LocalDate.parse(text).toString();
            case PHONE -> PhoneNumber.parse(text).e164();
            case EMAIL -> {
                if (!EMAIL.matcher(text).matches()) throw new IllegalArgumentException("not an e-mail address");
                yield text;
            }
            case CHOICE -> field.allowedValues().stream().filter(v -> v.equalsIgnoreCase(text)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not a choice"));
        };
    }

    private static String expectation(IntakeField field) {
        return switch (field.type()) {
            case STRING -> "must be at most 1000 characters";
            case NUMBER -> "must be a number";
            case BOOLEAN -> "must be yes or no";
            case DATE -> "must be a date as YYYY-MM-DD";
            case PHONE -> "must be a phone number with its country code, e.g. +14155550123";
            case EMAIL -> "must be an e-mail address";
            case CHOICE -> "must be one of: " + String.join(", ", field.allowedValues());
        };
    }
}
