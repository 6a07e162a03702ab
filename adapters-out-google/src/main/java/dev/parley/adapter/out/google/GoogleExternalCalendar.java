package dev.parley.adapter.out.google;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.Events;
import com.google.api.services.calendar.model.FreeBusyCalendar;
import com.google.api.services.calendar.model.FreeBusyRequest;
import com.google.api.services.calendar.model.FreeBusyRequestItem;
import com.google.api.services.calendar.model.FreeBusyResponse;
import com.google.api.services.calendar.model.TimePeriod;
import dev.parley.application.calendar.port.out.CalendarAccessDeniedException;
import dev.parley.application.calendar.port.out.CalendarEvent;
import dev.parley.application.calendar.port.out.CalendarUnavailableException;
import dev.parley.application.calendar.port.out.ExternalCalendar;
import dev.parley.application.calendar.port.out.NewEvent;
import dev.parley.domain.calendar.TimeRange;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tenant's primary Google Calendar through google-api-services-calendar (Calendar API v3). */
@Singleton
class GoogleExternalCalendar implements ExternalCalendar {
    private static final String PRIMARY = "primary";
    private static final Logger LOG = LoggerFactory.getLogger(GoogleExternalCalendar.class);
    private final GoogleProperties properties;
    private final GoogleTransport transport;

    GoogleExternalCalendar(GoogleProperties properties, GoogleTransport transport) {
        this.properties = properties;
        this.transport = transport;
    }

    private Calendar client(String accessToken) {
        return new Calendar.Builder(transport.http, transport.json, request -> {
            transport.configure(request);
            request.getHeaders().setAuthorization("Bearer " + accessToken);
        }).setApplicationName("parley").setRootUrl(properties.rootUrl()).build();
    }

    @Override
    public List<CalendarEvent> upcoming(String accessToken, Instant from, int max) {
        Events events = call("list events", () -> client(accessToken).events().list(PRIMARY)
                .setTimeMin(new DateTime(from.toEpochMilli()))
                .setSingleEvents(true)
                .setOrderBy("startTime")
                .setMaxResults(max)
                .execute());
        List<CalendarEvent> out = new ArrayList<>();
        if (events.getItems() != null)
            for (Event e : events.getItems())
                out.add(new CalendarEvent(e.getId(), e.getSummary(), text(e.getStart()), text(e.getEnd()), e.getLocation(),
                        e.getDescription()));
        return out;
    }

    private static String text(EventDateTime t) {
        if (t == null) return null;
        if (t.getDateTime() != null) return Instant.ofEpochMilli(t.getDateTime().getValue()).toString();
        return t.getDate() == null ? null : t.getDate().toStringRfc3339();
    }

    @Override
    public List<TimeRange> busy(String accessToken, TimeRange range) {
        FreeBusyResponse response = call("read free/busy", () -> client(accessToken).freebusy().query(new FreeBusyRequest()
                .setTimeMin(new DateTime(range.start().toEpochMilli()))
                .setTimeMax(new DateTime(range.end().toEpochMilli()))
                .setTimeZone("UTC")
                .setItems(List.of(new FreeBusyRequestItem().setId(PRIMARY)))).execute());
        Map<String, FreeBusyCalendar> calendars = response.getCalendars();
        FreeBusyCalendar primary = calendars == null ? null : calendars.get(PRIMARY);
        if (primary == null && calendars != null && calendars.size() == 1) primary = calendars.values().iterator().next();
        if (primary == null) throw new CalendarUnavailableException("Google Calendar answered free/busy without the calendar", null);
        if (primary.getErrors() != null && !primary.getErrors().isEmpty())
            throw new CalendarUnavailableException("Google Calendar could not read free/busy: " + primary.getErrors().get(0).getReason(), null);
        List<TimeRange> busy = new ArrayList<>();
        if (primary.getBusy() != null)
            for (TimePeriod p : primary.getBusy()) {
                Instant start = Instant.ofEpochMilli(p.getStart().getValue());
                Instant end = Instant.ofEpochMilli(p.getEnd().getValue());
                if (end.isAfter(start)) busy.add(new TimeRange(start, end));
            }
        return busy;
    }

    @Override
    public String insert(String accessToken, NewEvent event) {
        String zone = event.zone().getId();
        Event body = new Event()
                .setSummary(event.summary())
                .setDescription(event.description())
                .setStart(new EventDateTime().setDateTime(new DateTime(event.when().start().toEpochMilli())).setTimeZone(zone))
                .setEnd(new EventDateTime().setDateTime(new DateTime(event.when().end().toEpochMilli())).setTimeZone(zone))
                .setExtendedProperties(new Event.ExtendedProperties().setPrivate(Map.of("parleyBooking", event.bookingRef())));
        Event created = call("create the event", () -> client(accessToken).events().insert(PRIMARY, body).setSendUpdates("none").execute());
        if (created.getId() == null) throw new CalendarUnavailableException("Google Calendar created an event without an id", null);
        return created.getId();
    }

    private interface Request<T> {
        T execute() throws IOException;
    }

    private static <T> T call(String what, Request<T> request) {
        try {
            return request.execute();
        } catch (HttpResponseException e) {
            int status = e.getStatusCode();
            String reason = e instanceof GoogleJsonResponseException json && json.getDetails() != null
                    && json.getDetails().getErrors() != null && !json.getDetails().getErrors().isEmpty()
                    ? json.getDetails().getErrors().get(0).getReason() : null;
            LOG.warn("Google Calendar refused to {}: HTTP {} {}", what, status, reason);
            if (status == 401) throw new CalendarAccessDeniedException("Google Calendar refused the access token");
            throw new CalendarUnavailableException("Google Calendar could not " + what + " (HTTP " + status
                    + (reason == null ? "" : ", " + reason) + ")", e);
        } catch (IOException e) {
            LOG.warn("Google Calendar could not be reached to {}: {}", what, e.getClass().getSimpleName());
            throw new CalendarUnavailableException("Google Calendar could not be reached", e);
        }
    }
}
