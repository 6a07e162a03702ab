package dev.parley.application.tenancy;

import dev.parley.application.tenancy.port.in.CaptchaRejectedException;
import dev.parley.application.tenancy.port.in.CheckCaptchaUseCase.CaptchaCheckCommand;
import dev.parley.application.tenancy.port.out.CaptchaPolicy;
import dev.parley.application.tenancy.port.out.CaptchaVerifier;
import dev.parley.application.tenancy.port.out.CaptchaVerifier.CaptchaVerdict;
import dev.parley.application.tenancy.service.CheckCaptchaService;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckCaptchaServiceTest {
    private static final CaptchaPolicy ON = new CaptchaPolicy(true, Optional.of("site-key"), "recaptcha", 0.5);

    /** A provider that answers what the test tells it and remembers what it was asked. */
    static final class ScriptedVerifier implements CaptchaVerifier {
        final List<String> asked = new ArrayList<>();
        CaptchaVerdict answer = new CaptchaVerdict(true, OptionalDouble.empty(), null, List.of());

        @Override
        public CaptchaVerdict verify(String token, String remoteAddress) {
            asked.add(token + "@" + remoteAddress);
            return answer;
        }
    }

    private final ScriptedVerifier verifier = new ScriptedVerifier();

    @Test
    void offWithoutASecretAsksNoProvider() {
        new CheckCaptchaService(CaptchaPolicy.off(), verifier).check(new CaptchaCheckCommand(null, "login", "10.0.0.1"));
        assertThat(verifier.asked).isEmpty();
    }

    @Test
    void aMissingTokenIsRefusedWithoutAskingTheProvider() {
        assertThatThrownBy(() -> new CheckCaptchaService(ON, verifier).check(new CaptchaCheckCommand(" ", "login", "10.0.0.1")))
                .isInstanceOf(CaptchaRejectedException.class).hasMessageContaining("captcha_token");
        assertThat(verifier.asked).isEmpty();
    }

    @Test
    void aSuccessfulVerdictPassesAndTheProviderHearsTokenAndAddress() {
        new CheckCaptchaService(ON, verifier).check(new CaptchaCheckCommand("tok", "login", "10.0.0.1"));
        assertThat(verifier.asked).containsExactly("tok@10.0.0.1");
    }

    @Test
    void aFailedVerdictIsRefused() {
        verifier.answer = new CaptchaVerdict(false, OptionalDouble.empty(), null, List.of("invalid-input-response"));
        assertThatThrownBy(() -> new CheckCaptchaService(ON, verifier).check(new CaptchaCheckCommand("tok", "login", null)))
                .isInstanceOf(CaptchaRejectedException.class).extracting("code").isEqualTo("captcha.failed");
    }

    @Test
    void aScoreBelowTheMinimumIsRefusedAndOneAtItPasses() {
        verifier.answer = new CaptchaVerdict(true, OptionalDouble.of(0.3), "login", List.of());
        assertThatThrownBy(() -> new CheckCaptchaService(ON, verifier).check(new CaptchaCheckCommand("tok", "login", null)))
                .isInstanceOf(CaptchaRejectedException.class).extracting("code").isEqualTo("captcha.low-score");
        verifier.answer = new CaptchaVerdict(true, OptionalDouble.of(0.5), "login", List.of());
        new CheckCaptchaService(ON, verifier).check(new CaptchaCheckCommand("tok", "login", null));
    }

    @Test
    void aTokenSolvedForAnotherActionIsRefused() {
        verifier.answer = new CaptchaVerdict(true, OptionalDouble.of(0.9), "login", List.of());
        assertThatThrownBy(() -> new CheckCaptchaService(ON, verifier).check(new CaptchaCheckCommand("tok", "register", null)))
                .isInstanceOf(CaptchaRejectedException.class).extracting("code").isEqualTo("captcha.wrong-action");
    }
}
