package dev.parley.application.tenancy.port.in;

import dev.parley.domain.shared.DomainException;

/** The CAPTCHA token was missing or did not prove a person (failed, too low a score, another action). */
public class CaptchaRejectedException extends DomainException {
    public CaptchaRejectedException(String code, String message) {
        super(code, message);
    }
}
