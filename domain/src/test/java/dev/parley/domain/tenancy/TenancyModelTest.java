package dev.parley.domain.tenancy;

import dev.parley.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenancyModelTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final EmailAddress ANN = new EmailAddress("ann@example.com");

    @Test
    void emailIsNormalisedSoTwoSpellingsAreOneAccount() {
        assertThat(new EmailAddress("  Ann@Example.COM ")).isEqualTo(ANN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ann", "ann@", "@example.com", "ann@example", "a b@example.com", "ann@@example.com"})
    void malformedEmailsAreRefusedNamingTheField(String raw) {
        assertThatThrownBy(() -> new EmailAddress(raw))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void anEmailWithAControlCharacterIsRefused() {
        // probe (issue 13, item 8): an email with a NUL byte in it registered an account
        assertThatThrownBy(() -> new EmailAddress("ann\u0000@example.com"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThatThrownBy(() -> new EmailAddress("ann@exa\u0007mple.com")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anOverlongEmailIsRefused() {
        assertThatThrownBy(() -> new EmailAddress("a".repeat(64) + "@" + "b".repeat(190) + ".com"))
                .hasMessageContaining("at most 254");
    }

    @ParameterizedTest
    @ValueSource(strings = {"short1!", "onlyletters", "12345678901", "        ", "ann@example.com"})
    void weakPasswordsAreRefusedWithThePolicy(String raw) {
        assertThatThrownBy(() -> PasswordPolicy.check(raw, ANN))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage(PasswordPolicy.DESCRIPTION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"secure_password", "correct horse 9", "Tr0ub4dor&3"})
    void reasonablePasswordsPass(String raw) {
        PasswordPolicy.check(raw, ANN);
    }

    @Test
    void aPasswordOfMoreThan128CharactersIsRefused() {
        assertThatThrownBy(() -> PasswordPolicy.check("a1".repeat(65), ANN)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void rotatingRevokesTheOldTokenAndKeepsTheFamily() {
        RefreshToken first = RefreshToken.issue(new RefreshTokenId(7), new UserId(1), "h1", NOW, NOW.plus(Duration.ofDays(1)));
        RefreshToken second = first.rotate(new RefreshTokenId(8), "h2", NOW.plusSeconds(5), NOW.plus(Duration.ofDays(2)));

        assertThat(first.isUsable(NOW.plusSeconds(6))).isFalse();
        assertThat(second.isUsable(NOW.plusSeconds(6))).isTrue();
        assertThat(second.family()).isEqualTo(first.family()).isEqualTo(7);
        assertThatThrownBy(() -> first.rotate(new RefreshTokenId(9), "h3", NOW.plusSeconds(7), NOW.plus(Duration.ofDays(3))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anExpiredTokenIsNotUsable() {
        RefreshToken token = RefreshToken.issue(new RefreshTokenId(1), new UserId(1), "h", NOW, NOW.plusSeconds(60));
        assertThat(token.isUsable(NOW.plusSeconds(59))).isTrue();
        assertThat(token.isUsable(NOW.plusSeconds(60))).isFalse();
    }

    @Test
    void theHashIsNeverPrinted() {
        assertThat(new PasswordHash("$argon2id$secret").toString()).doesNotContain("argon2");
    }
}
