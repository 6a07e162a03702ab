package dev.parley.application.calendar.port.in;

/** No Google client id is configured on this server: the calendar cannot be used at all. */
public class CalendarNotConfiguredException extends RuntimeException {
    public CalendarNotConfiguredException() {
        super("Google Calendar is not configured");
    }
}
