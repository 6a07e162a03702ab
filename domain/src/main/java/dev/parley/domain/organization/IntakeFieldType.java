package dev.parley.domain.organization;

import java.util.Locale;

/** What kind of value an intake field holds. */
public enum IntakeFieldType {
    STRING, NUMBER, BOOLEAN, DATE, PHONE, EMAIL, CHOICE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IntakeFieldType parse(String field, String raw) {
        if (raw != null) {
            for (IntakeFieldType t : values()) if (t.wire().equals(raw.strip().toLowerCase(Locale.ROOT))) return t;
        }
        throw Limits.invalid(field, "field-type", "must be one of string, number, boolean, date, phone, email, choice");
    }
}
