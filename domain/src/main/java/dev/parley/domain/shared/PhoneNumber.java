package dev.parley.domain.shared;

import java.util.regex.Pattern;

/** A phone number in E.164 form, the only form we store or compare. */
public record PhoneNumber(String e164) {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches())
            throw new InvalidValueException("phone_number", "phone-number.invalid",
                    "Not an E.164 phone number (expected + and 2 to 15 digits, e.g. +14155550123)");
    }

    /** Reads user input: spaces, dashes, dots and brackets are dropped, a leading 00 becomes +. */
    public static PhoneNumber parse(String raw) {
        if (raw == null) return new PhoneNumber(null);
        String compact = raw.strip().replaceAll("[\\s\\-().]", "");
        if (compact.startsWith("00")) compact = "+" + compact.substring(2);
        return new PhoneNumber(compact);
    }

    /** For logs: {@code +49******56}; never log the full number. */
    public String masked() {
        if (e164.length() <= 5) return "+***";
        return e164.substring(0, 3) + "*".repeat(e164.length() - 5) + e164.substring(e164.length() - 2);
    }

    @Override
    public String toString() {
        return e164;
    }
}
