package dev.parley.domain.tenancy;

import dev.parley.domain.shared.InvalidValueException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address in its normalised form (trimmed, lower case), the only form we store or
 * compare, so {@code Ann@Example.com} and {@code ann@example.com } are one account.
 */
public record EmailAddress(String value) {
    public static final int MAX_LENGTH = 254;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public EmailAddress {
        if (value == null || value.isBlank())
            throw new InvalidValueException("email", "email.required", "Email is required");
        if (CONTROL.matcher(value).find())
            throw new InvalidValueException("email", "email.invalid", "Email must not contain control characters");
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH)
            throw new InvalidValueException("email", "email.too-long", "Email must be at most 254 characters");
        if (!SHAPE.matcher(value).matches())
            throw new InvalidValueException("email", "email.invalid", "Email must look like name@example.com");
    }

    @Override
    public String toString() {
        return value;
    }
}
