package dev.parley.application.calendar.port.out;

/** The authorization server refused a code or a refresh token ({@code invalid_grant} and friends). */
public class CalendarGrantRefusedException extends RuntimeException {
    public CalendarGrantRefusedException(String message) {
        super(message);
    }
}
