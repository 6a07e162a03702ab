package dev.parley.adapter.in.web.call;

import dev.parley.application.call.port.in.CallView;
import dev.parley.application.call.port.in.ListCallsUseCase;
import dev.parley.application.shared.Page;
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

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CallDetail(CallItem call, List<Message> messages) {
        static CallDetail from(ListCallsUseCase.CallDetails d) {
            return new CallDetail(CallItem.from(d.call()), d.messages().stream()
                    .map(m -> new Message(m.senderType(), m.content(), m.confidence(), m.isFinal(), m.startMs(), m.endMs(), m.createdAt()))
                    .toList());
        }
    }
}
