package dev.parley.application.calendar.port.out;

/**
 * One event as the calendar lists it; start and end are RFC 3339 date-times, or dates for all-day events.
 * Fields the event does not have are null.
 */
public record CalendarEvent(String id, String summary, String start, String end, String location, String description) {
}
