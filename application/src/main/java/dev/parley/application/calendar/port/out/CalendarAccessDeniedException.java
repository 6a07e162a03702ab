package dev.parley.application.calendar.port.out;

/** The calendar API refused the access token (401): refresh it once, then give up. */
public class CalendarAccessDeniedException extends RuntimeException {
    public CalendarAccessDeniedException(String message) {
        super(message);
    }
}
