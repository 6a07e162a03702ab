package dev.parley.adapter.in.web.call;

import dev.parley.application.call.port.in.CallView;
import dev.parley.application.call.port.in.ListCallsUseCase;
import dev.parley.application.organization.port.in.EscalationView;
import dev.parley.application.organization.port.in.OrgCallView;
import dev.parley.application.shared.Page;
import dev.parley.adapter.in.web.usage.UsageMessages;
import dev.parley.application.usage.port.in.ReportUsageUseCase;
import dev.parley.domain.usage.TurnLatency;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;

/**
 * JSON shapes of the calls API (snake_case; phone_calls / phone_call_messages field names of the product documents).
 * Empty lists and times not yet reached are sent (as [] and null), so clients see every field.
 */
final class CallResponses {
    private CallResponses() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record CallPlaced(String status, String callSid, long callId) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CallItem(long id, @Nullable String callSid, String direction, String customerNumber, String organizationNumber,
                    String scenario, String status, Instant startTime, @Nullable Instant answeredAt, @Nullable Instant endTime,
                    long duration, @Nullable String endReason, String channel) {
        static CallItem from(CallView v) {
            return new CallItem(v.id(), v.carrierSid(), v.direction(), v.customerNumber(), v.organizationNumber(), v.scenarioRef(),
                    v.status(), v.createdAt(), v.answeredAt(), v.endedAt(), v.durationSeconds(), v.endReason(), v.channel());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CallList(List<CallItem> calls, long total, int skip, int limit) {
        static CallList from(Page<CallView> page) {
            return new CallList(page.items().stream().map(CallItem::from).toList(), page.total(), page.offset(), page.limit());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Message(String senderType, String content, double confidence, boolean isFinal, long startMs, long endMs, Instant createdAt) {
    }

    /** Seed 003's additions, for a call that runs for an organization (else null, [] and null). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CallDetail(CallItem call, List<Message> messages, @Nullable Booking booking, @Nullable Usage usage, @Nullable Latency latency,
                      @Nullable Long orgId, @Nullable String phase, List<Escalation> escalations, @Nullable Intake intake) {
        static CallDetail from(ListCallsUseCase.CallDetails d, @Nullable Booking booking, java.util.Optional<ReportUsageUseCase.CallCost> cost,
                               @Nullable OrgCallView org) {
            return new CallDetail(CallItem.from(d.call()), d.messages().stream()
                    .map(m -> new Message(m.senderType(), m.content(), m.confidence(), m.isFinal(), m.startMs(), m.endMs(), m.createdAt()))
                    .toList(), booking, cost.map(Usage::from).orElse(null), cost.flatMap(c -> c.latency().map(l -> Latency.from(l, c.bargeIns())))
                    .orElse(null), org == null ? null : org.orgId(), org == null ? null : org.phase(),
                    org == null ? List.of() : org.escalations().stream().map(Escalation::from).toList(),
                    org == null || org.intake() == null ? null : new Intake(org.intake().data(), org.intake().urgency(), org.intake().complete()));
        }
    }

    /** The call's ledger: model tokens, carrier minutes (every started minute) and the estimated cost in US dollars. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record Usage(UsageMessages.Tokens tokens, long minutes, UsageMessages.Cost estimatedCostUsd) {
        static Usage from(ReportUsageUseCase.CallCost c) {
            return new Usage(UsageMessages.Tokens.from(c.tokens()), c.minutes(), UsageMessages.Cost.from(c.cost()));
        }
    }

    /** How fast the assistant answered: per turn (caller's end of speech to first assistant audio sent), and at the start; null where unmeasured. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Latency(int turns, @Nullable Long turnP50Ms, @Nullable Long turnMaxMs, @Nullable Long firstAudioMs, int bargeIns) {
        static Latency from(TurnLatency l, int bargeIns) {
            return new Latency(l.turns(), l.p50Ms() < 0 ? null : l.p50Ms(), l.maxMs() < 0 ? null : l.maxMs(),
                    l.firstAudioMs() < 0 ? null : l.firstAudioMs(), bargeIns);
        }
    }

    /** The meeting the call booked in the tenant's calendar (issue 17); null when it booked none. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record Booking(String eventId, Instant start, Instant end) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Escalation(String source, String words, String reason, String urgency, String action, Instant timestamp) {
        static Escalation from(EscalationView v) {
            return new Escalation(v.source(), v.words(), v.reason(), v.urgency(), v.action(), v.at());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Intake(java.util.Map<String, Object> data, String urgency, boolean complete) {
    }

    /** {@code POST /api/calls/{id}/escalate}: urgency emergency, high or normal (default). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record EscalateRequest(@Nullable @jakarta.validation.constraints.Size(max = 500) String reason,
                           @Nullable @jakarta.validation.constraints.Pattern(regexp = "emergency|high|normal",
                                   message = "must be emergency, high or normal") String urgency) {
    }
}
