package dev.parley.application.plant;

/** Planted violation: Google's Calendar SDK outside adapters-out-google. */
public class ApplicationUsingGoogleCalendar {
    public com.google.api.services.calendar.Calendar calendar;
}
