package dev.parley.application.calendar.service;

import dev.parley.application.calendar.port.in.BookMeetingUseCase;
import dev.parley.application.calendar.port.in.BookMeetingUseCase.BookMeetingCommand;
import dev.parley.application.calendar.port.in.BookMeetingUseCase.BookingOutcome;
import dev.parley.application.calendar.port.in.CheckAvailabilityUseCase;
import dev.parley.application.calendar.port.in.FindSlotsUseCase;
import dev.parley.application.calendar.port.in.FindSlotsUseCase.FindSlotsQuery;
import dev.parley.application.calendar.port.out.CalendarUnavailableException;
import dev.parley.application.calendar.port.out.TenantWorkingHours;
import dev.parley.application.conversation.port.out.CallTool;
import dev.parley.application.conversation.port.out.ToolContext;
import dev.parley.application.conversation.port.out.ToolResult;
import dev.parley.application.scenario.port.in.CallScenario;
import dev.parley.domain.calendar.CalendarNeedsReconnectException;
import dev.parley.domain.calendar.CalendarNotConnectedException;
import dev.parley.domain.calendar.TimeRange;
import dev.parley.domain.shared.DomainException;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The calendar tools a call's model may use: {@code check_availability}, {@code find_slots} and
 * {@code book_meeting}. They are offered on the calendar call and on scenarios that ask for them; they
 * talk to Google, so they block (run off the event loop), and every failure becomes a result the
 * model can apologise for.
 */
public final class CalendarTools {
    private final CheckAvailabilityUseCase availability;
    private final FindSlotsUseCase slots;
    private final BookMeetingUseCase booking;
    private final TenantWorkingHours hours;
    private final Predicate<CallScenario> offeredOn;

    /** @param offeredOn which scenarios get the tools (the calendar call always does) */
    public CalendarTools(CheckAvailabilityUseCase availability, FindSlotsUseCase slots, BookMeetingUseCase booking,
                         TenantWorkingHours hours, Predicate<CallScenario> offeredOn) {
        this.availability = availability;
        this.slots = slots;
        this.booking = booking;
        this.hours = hours;
        this.offeredOn = s -> CalendarScenario.REF.equals(s.ref()) || offeredOn.test(s);
    }

    public List<CallTool> tools() {
        return List.of(checkAvailability(), findSlots(), bookMeeting());
    }

    public CallTool checkAvailability() {
        return new CheckAvailability();
    }

    public CallTool findSlots() {
        return new FindSlots();
    }

    public CallTool bookMeeting() {
        return new BookMeeting();
    }

    private abstract class CalendarTool implements CallTool {
        @Override
        public boolean blocks() {
            return true;
        }

        @Override
        public boolean offeredOn(CallScenario scenario) {
            return offeredOn.test(scenario);
        }

        @Override
        public final ToolResult run(ToolContext call, String argumentsJson) {
            try {
                return answer(call, ToolArguments.parse(argumentsJson));
            } catch (CalendarNotConnectedException | CalendarNeedsReconnectException notUsable) {
                return ToolResult.failed("The calendar is not available right now. Apologise and offer that someone will call back "
                        + "to arrange a time.");
            } catch (CalendarUnavailableException down) {
                return ToolResult.failed("The calendar could not be reached. Apologise and offer to try again in a moment or to "
                        + "have someone call back.");
            } catch (DomainException invalid) {
                return ToolResult.failed(invalid.getMessage());
            }
        }

        abstract ToolResult answer(ToolContext call, ToolArguments args);

        String when(TimeRange t, ToolContext call) {
            ZoneId zone = hours.of(call.tenant()).zone();
            return "{\"start\":\"" + t.start().atZone(zone).toOffsetDateTime() + "\",\"end\":\"" + t.end().atZone(zone).toOffsetDateTime()
                    + "\"}";
        }

        String list(List<TimeRange> ranges, ToolContext call) {
            return ranges.stream().map(t -> when(t, call)).collect(Collectors.joining(",", "[", "]"));
        }
    }

    private static Instant instant(String raw) {
        if (raw == null) return null;
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(raw);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static final String BAD_START = "start must be an ISO-8601 date-time with an offset, e.g. 2026-01-05T10:00:00-05:00";

    private final class CheckAvailability extends CalendarTool {
        @Override
        public String name() {
            return "check_availability";
        }

        @Override
        public String description() {
            return "Checks whether the calendar is free between start and end (ISO-8601 date-times with offset).";
        }

        @Override
        public String parametersJsonSchema() {
            return "{\"type\":\"object\",\"properties\":{\"start\":{\"type\":\"string\",\"description\":\"ISO-8601 date-time with offset\"},"
                    + "\"end\":{\"type\":\"string\",\"description\":\"ISO-8601 date-time with offset\"}},\"required\":[\"start\",\"end\"]}";
        }

        @Override
        ToolResult answer(ToolContext call, ToolArguments args) {
            Instant start = instant(args.text("start"));
            Instant end = instant(args.text("end"));
            if (start == null || end == null) return ToolResult.failed(BAD_START + "; end likewise");
            var answer = availability.check(call.tenant(), new TimeRange(start, end));
            return ToolResult.done("{\"available\":" + answer.available() + ",\"busy\":" + list(answer.busy(), call) + "}");
        }
    }

    private final class FindSlots extends CalendarTool {
        @Override
        public String name() {
            return "find_slots";
        }

        @Override
        public String description() {
            return "Finds free meeting slots of duration_minutes within working hours, optionally between start and end.";
        }

        @Override
        public String parametersJsonSchema() {
            return "{\"type\":\"object\",\"properties\":{\"duration_minutes\":{\"type\":\"integer\"},"
                    + "\"start\":{\"type\":\"string\",\"description\":\"earliest, ISO-8601 with offset\"},"
                    + "\"end\":{\"type\":\"string\",\"description\":\"latest, ISO-8601 with offset\"},"
                    + "\"max_results\":{\"type\":\"integer\"}},\"required\":[\"duration_minutes\"]}";
        }

        @Override
        ToolResult answer(ToolContext call, ToolArguments args) {
            Integer minutes = args.integer("duration_minutes", 30);
            Integer max = args.integer("max_results", 5);
            if (minutes == null || max == null) return ToolResult.failed("duration_minutes and max_results must be whole numbers");
            Instant from = instant(args.text("start"));
            Instant to = instant(args.text("end"));
            List<TimeRange> found = slots.find(new FindSlotsQuery(call.tenant(), Duration.ofMinutes(minutes), from, to,
                    Math.min(max, 10)));
            return ToolResult.done("{\"slots\":" + list(found, call) + "}");
        }
    }

    private final class BookMeeting extends CalendarTool {
        @Override
        public String name() {
            return "book_meeting";
        }

        @Override
        public String description() {
            return "Books a meeting in the calendar once the person agreed on a time. Answers booked, or that the slot is not "
                    + "available with alternatives to offer.";
        }

        @Override
        public String parametersJsonSchema() {
            return "{\"type\":\"object\",\"properties\":{\"start\":{\"type\":\"string\",\"description\":\"ISO-8601 date-time with offset\"},"
                    + "\"duration_minutes\":{\"type\":\"integer\"},\"attendee_name\":{\"type\":\"string\"},"
                    + "\"notes\":{\"type\":\"string\"}},\"required\":[\"start\",\"duration_minutes\",\"attendee_name\"]}";
        }

        @Override
        ToolResult answer(ToolContext call, ToolArguments args) {
            Instant start = instant(args.text("start"));
            if (start == null) return ToolResult.failed(BAD_START);
            Integer minutes = args.integer("duration_minutes", 30);
            if (minutes == null) return ToolResult.failed("duration_minutes must be a whole number");
            String name = args.text("attendee_name");
            String notes = args.text("notes");
            BookingOutcome outcome = booking.book(new BookMeetingCommand(call.tenant(), call.call(), start, Duration.ofMinutes(minutes),
                    name == null ? null : name.substring(0, Math.min(200, name.length())),
                    notes == null ? null : notes.substring(0, Math.min(2000, notes.length()))));
            return switch (outcome) {
                case BookingOutcome.Booked booked -> ToolResult.done("{\"booked\":true,\"event_id\":\"" + escape(booked.eventId())
                        + "\",\"when\":" + when(booked.when(), call) + "}");
                case BookingOutcome.Unavailable no -> ToolResult.done("{\"booked\":false,\"reason\":\"" + no.reason() + "\",\"message\":\""
                        + message(no.reason()) + "\",\"alternatives\":" + list(no.alternatives(), call) + "}");
            };
        }

        private static String message(String reason) {
            return switch (reason) {
                case "taken" -> "That slot was just taken. Apologise and offer one of the alternatives.";
                case "busy" -> "The calendar is busy at that time. Offer one of the alternatives.";
                case "past" -> "That time is in the past. Offer one of the alternatives.";
                default -> "That time is outside working hours. Offer one of the alternatives.";
            };
        }

        private static String escape(String s) {
            return dev.parley.application.shared.Json.escape(s);
        }
    }
}
