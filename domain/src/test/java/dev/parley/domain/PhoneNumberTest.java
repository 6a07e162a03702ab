package dev.parley.domain;

import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTest {
    @Test
    void userSpellingsAreNormalisedToE164() {
        assertThat(PhoneNumber.parse(" +1 (415) 555-0123 ")).isEqualTo(new PhoneNumber("+14155550123"));
        assertThat(PhoneNumber.parse("0049 30 1234567")).isEqualTo(new PhoneNumber("+49301234567"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4155550123", "+0123", "+1", "+1234567890123456", "+1-800-FLOWERS", "++14155550123"})
    void nonE164NumbersAreRefused(String raw) {
        assertThatThrownBy(() -> PhoneNumber.parse(raw)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.field()).isEqualTo("phone_number"));
    }

    @Test
    void logsSeeOnlyAMaskedNumber() {
        assertThat(new PhoneNumber("+4930123456").masked()).isEqualTo("+49******56");
    }
}
