package dev.parley.application.calendar.port.out;

/** The calendar provider could not serve us: an outage, a 5xx, the network, a refusal we cannot fix. A bad gateway. */
public class CalendarUnavailableException extends RuntimeException {
    public CalendarUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
