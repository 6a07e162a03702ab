package dev.parley.application.tenancy.service;

import dev.parley.application.tenancy.port.in.CaptchaRejectedException;
import dev.parley.application.tenancy.port.in.CheckCaptchaUseCase;
import dev.parley.application.tenancy.port.out.CaptchaPolicy;
import dev.parley.application.tenancy.port.out.CaptchaVerifier;
import dev.parley.application.tenancy.port.out.CaptchaVerifier.CaptchaVerdict;

/**
 * Verifies a CAPTCHA token through the provider and applies the policy: the provider must say
 * success; a score, when the provider gives one, must reach the minimum; an action, when given,
 * must be the step's own (a token solved for sign-in does not register an account).
 */
public final class CheckCaptchaService implements CheckCaptchaUseCase {
    private static final int MAX_TOKEN_LENGTH = 4096;
    private final CaptchaPolicy policy;
    private final CaptchaVerifier verifier;

    public CheckCaptchaService(CaptchaPolicy policy, CaptchaVerifier verifier) {
        this.policy = policy;
        this.verifier = verifier;
    }

    @Override
    public void check(CaptchaCheckCommand command) {
        if (!policy.enabled()) return;
        String token = command.token() == null ? "" : command.token().strip();
        if (token.isEmpty())
            throw new CaptchaRejectedException("captcha.missing", "CAPTCHA verification required: send captcha_token");
        if (token.length() > MAX_TOKEN_LENGTH)
            throw new CaptchaRejectedException("captcha.failed", "CAPTCHA verification failed");
        CaptchaVerdict verdict = verifier.verify(token, command.remoteAddress());
        if (!verdict.success())
            throw new CaptchaRejectedException("captcha.failed", "CAPTCHA verification failed");
        if (verdict.score().isPresent() && verdict.score().getAsDouble() < policy.minScore())
            throw new CaptchaRejectedException("captcha.low-score", "CAPTCHA verification failed: score too low");
        if (verdict.action() != null && !verdict.action().isBlank() && !verdict.action().equals(command.action()))
            throw new CaptchaRejectedException("captcha.wrong-action", "CAPTCHA verification failed: token was solved for another action");
    }

    @Override
    public CaptchaSettings settings() {
        return new CaptchaSettings(policy.enabled(), policy.siteKey(), policy.provider());
    }
}
