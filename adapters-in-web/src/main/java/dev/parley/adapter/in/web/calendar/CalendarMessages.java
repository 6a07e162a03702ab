package dev.parley.adapter.in.web.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.application.calendar.port.in.CalendarStatusUseCase.CalendarStatusView;
import dev.parley.application.calendar.port.out.CalendarEvent;
import dev.parley.domain.calendar.TimeRange;
import dev.parley.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Request and response bodies of the Google Calendar routes (seeds 000 and 001, snake_case). */
final class CalendarMessages {
    private CalendarMessages() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record AuthorizationResponse(String authorizationUrl) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StatusResponse(boolean connected, String status, List<String> scopes, @Nullable Instant connectedAt) {
        static StatusResponse from(CalendarStatusView v) {
            return new StatusResponse(v.connected(), v.status(), v.scopes(), v.connectedAt());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record MessageResponse(String message) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EventResponse(String id, @Nullable String summary, @Nullable String start, @Nullable String end, @Nullable String location,
                         @Nullable String description) {
        static EventResponse from(CalendarEvent e) {
            return new EventResponse(e.id(), e.summary(), e.start(), e.end(), e.location(), e.description());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record RangeRequest(@Nullable String start, @Nullable String end) {
        TimeRange range() {
            Instant from = time("start", start);
            Instant to = time("end", end);
            if (!to.isAfter(from)) throw new InvalidValueException("end", "time-range.order", "end must be after start");
            return new TimeRange(from, to);
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record FindSlotsRequest(@Nullable Integer durationMinutes, @Nullable String start, @Nullable String end, @Nullable Integer maxResults) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Interval(String start, String end) {
        static Interval of(TimeRange t) {
            return new Interval(t.start().toString(), t.end().toString());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record AvailabilityResponse(boolean available, List<Interval> busy) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record SlotsResponse(List<Interval> slots) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record CalendarCallResponse(String status, String callSid, String message, String phoneNumber, long callId) {
    }

    /** ISO 8601 with a zone offset; a local time without one is ambiguous. */
    static Instant time(String field, String raw) {
        if (raw == null || raw.isBlank()) throw new InvalidValueException(field, "calendar.time.missing", field + " is required");
        try {
            return OffsetDateTime.parse(raw.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "calendar.time.format",
                    field + " must be ISO 8601 with a zone offset, e.g. 2026-12-24T15:00:00-05:00");
        }
    }

    @Nullable
    static Instant optionalTime(String field, @Nullable String raw) {
        return raw == null || raw.isBlank() ? null : time(field, raw);
    }
}
