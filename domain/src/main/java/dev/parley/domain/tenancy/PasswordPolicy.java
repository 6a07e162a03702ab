package dev.parley.domain.tenancy;

import dev.parley.domain.shared.InvalidValueException;

/**
 * What a new password must satisfy. Length matters more than composition (NIST SP 800-63B), so
 * the rule is 8 to 128 characters, not only letters, and not the account's own e-mail address.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    public static final String DESCRIPTION =
            "Password must be 8 to 128 characters long, contain at least one letter and at least one digit or symbol, and differ from the email address";

    private PasswordPolicy() {
    }

    /** Refuses a password that breaks the policy, saying what the policy is. */
    public static void check(String password, EmailAddress email) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH
                || password.chars().noneMatch(Character::isLetter)
                || password.chars().allMatch(Character::isLetter)
                || password.isBlank()
                || password.equalsIgnoreCase(email.value())) {
            throw new InvalidValueException("password", "password.weak", DESCRIPTION);
        }
    }
}
