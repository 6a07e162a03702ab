package dev.parley.application.tenancy.port.out;

/** The CAPTCHA provider could not be asked (unreachable, timed out, answered nonsense): sign-up and sign-in fail closed. */
public class CaptchaUnavailableException extends RuntimeException {
    public CaptchaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
