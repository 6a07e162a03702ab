package dev.parley.adapter.in.web.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.application.call.port.in.EndReportedCallUseCase.ReportedLine;
import dev.parley.application.session.port.in.EndClientCallUseCase.EndedClientCallView;
import dev.parley.domain.call.Speaker;
import dev.parley.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Bodies of seed 003's call API ({@code /api/call/start}, {@code /api/call/end}), snake_case. */
final class ClientCallMessages {
    static final int MAX_LINES = 2_000;

    private ClientCallMessages() {
    }

    /**
     * {@code {"org_id": 42, "channel": "browser"}}, or {@code "phone"} with an optional {@code customer_number} (E.164) and
     * {@code direction} ({@code inbound}, the default, or {@code outbound}).
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record StartCallRequest(@Nullable Long orgId, @Nullable @Size(max = 16) String channel, @Nullable @Size(max = 32) String customerNumber,
                            @Nullable @Size(max = 16) String direction) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StartCallResponse(long callId, long orgId, String channel, String status, Instant startTime) {
    }

    /**
     * {@code {"call_id": 7, "transcript": [{"speaker": "user", "text": "…", "timestamp": "2026-12-06T10:00:03Z"}], "intake": {…}}}.
     * speaker: {@code user}, {@code caller} or {@code customer} for the caller; {@code assistant}, {@code agent} or {@code ai}
     * for the assistant. timestamp: ISO-8601 with a zone or offset, or Unix milliseconds; optional.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record EndCallRequest(@Nullable Long callId, @Nullable @Size(max = MAX_LINES) List<TranscriptLine> transcript,
                          @Nullable Map<String, Object> intake) {
        List<ReportedLine> lines() {
            List<ReportedLine> lines = new ArrayList<>();
            List<TranscriptLine> given = transcript == null ? List.of() : transcript;
            for (int i = 0; i < given.size(); i++) {
                String field = "transcript[" + i + "]";
                TranscriptLine line = given.get(i);
                if (line == null) throw new InvalidValueException(field, "transcript.line", field + " must be an object {speaker, text, timestamp}");
                if (line.text() == null || line.text().isBlank())
                    throw new InvalidValueException(field + ".text", "transcript.text", field + ".text is required");
                lines.add(new ReportedLine(speaker(field + ".speaker", line.speaker()), line.text(), time(field + ".timestamp", line.timestamp())));
            }
            return lines;
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record TranscriptLine(@Nullable @Size(max = 16) String speaker, @Nullable @Size(max = 20_000) String text, @Nullable Object timestamp) {
    }

    private static Speaker speaker(String field, String raw) {
        return switch (raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT)) {
            case "user", "caller", "customer" -> Speaker.CUSTOMER;
            case "assistant", "agent", "ai" -> Speaker.AGENT;
            default -> throw new InvalidValueException(field, "transcript.speaker", field + " must be user or assistant");
        };
    }

    private static Instant time(String field, Object raw) {
        if (raw == null) return null;
        if (raw instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() < 1e15) return Instant.ofEpochMilli(n.longValue());
        if (raw instanceof String s && !s.isBlank()) {
            try {
                return OffsetDateTime.parse(s.strip()).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return Instant.parse(s.strip());
                } catch (DateTimeParseException e) {
                    // falls through to the refusal
                }
            }
        }
        throw new InvalidValueException(field, "transcript.timestamp", field + " must be an ISO-8601 time with a zone, e.g. "
                + "2026-12-06T10:00:03Z, or Unix milliseconds");
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EndCallResponse(long callId, String status, String channel, @Nullable Long orgId, @Nullable String phase, Instant startTime,
                           @Nullable Instant endTime, long duration, int messages, @Nullable Intake intake) {
        static EndCallResponse from(EndedClientCallView v) {
            var org = v.org();
            return new EndCallResponse(v.call().id(), v.call().status(), v.call().channel(), org == null ? null : org.orgId(),
                    org == null ? null : org.phase(), v.call().createdAt(), v.call().endedAt(), v.call().durationSeconds(), v.messages(),
                    org == null || org.intake() == null ? null : new Intake(org.intake().data(), org.intake().urgency(), org.intake().complete()));
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Intake(Map<String, Object> data, String urgency, boolean complete) {
    }
}
