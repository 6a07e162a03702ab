package dev.parley.adapter.in.twilio;

/** A webhook that Twilio did not sign (or signed for another URL or token): refused with 403, nothing changed. */
public class ForgedWebhookException extends RuntimeException {
    public ForgedWebhookException(String message) {
        super(message);
    }
}
