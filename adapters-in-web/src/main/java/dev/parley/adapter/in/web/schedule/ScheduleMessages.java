package dev.parley.adapter.in.web.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.application.schedule.port.in.ScheduledCallView;
import dev.parley.application.shared.Page;
import dev.parley.domain.schedule.CallingWindow;
import dev.parley.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Request and response bodies of the scheduled-call routes (issue 16, snake_case). */
final class ScheduleMessages {
    private ScheduleMessages() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record ScheduleCallRequest(@Nullable String phoneNumber, @Nullable String scenario, @Nullable String scheduledTime) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record MoveRequest(@Nullable String scheduledTime) {
    }

    /** ISO 8601 with a zone offset ({@code Z} or {@code -05:00}); a local time without one is ambiguous. */
    static Instant time(String raw) {
        if (raw == null || raw.isBlank())
            throw new InvalidValueException("scheduled_time", "schedule.time.missing", "scheduled_time is required");
        try {
            return OffsetDateTime.parse(raw.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("scheduled_time", "schedule.time.format",
                    "scheduled_time must be ISO 8601 with a zone offset, e.g. 2026-12-24T15:00:00-05:00");
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ScheduledCallResponse(long id, String phoneNumber, String scenario, String scheduledTime, String status, int attempts,
                                 @Nullable String lastError, @Nullable Long callId, @Nullable String callSid, String createdAt,
                                 String updatedAt) {
        static ScheduledCallResponse from(ScheduledCallView v) {
            return new ScheduledCallResponse(v.id(), v.phoneNumber(), v.scenario(), utc(v.scheduledTime()), v.status(), v.attempts(),
                    v.lastError(), v.callId(), v.callSid(), utc(v.createdAt()), utc(v.updatedAt()));
        }
    }

    /** UTC, ISO 8601 with Z, to the second (milliseconds when there are any). */
    static String utc(Instant at) {
        Instant t = at.truncatedTo(ChronoUnit.MILLIS);
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record ScheduledCallList(List<ScheduledCallResponse> scheduledCalls, long total, int skip, int limit) {
        static ScheduledCallList from(Page<ScheduledCallView> page) {
            return new ScheduledCallList(page.items().stream().map(ScheduledCallResponse::from).toList(), page.total(), page.offset(),
                    page.limit());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record CallingWindowBody(@Nullable String timeZone, @Nullable String start, @Nullable String end, @Nullable List<String> days) {
        static CallingWindowBody from(CallingWindow w) {
            return new CallingWindowBody(w.zone().getId(), w.start().toString(), w.endText(),
                    w.days().stream().sorted().map(d -> d.name().substring(0, 3)).toList());
        }

        CallingWindow toWindow() {
            return CallingWindow.parse(timeZone, start, end, days);
        }
    }
}
