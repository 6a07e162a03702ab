package dev.parley.application.contract;

import dev.parley.application.call.port.out.CallMessageRepository;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.call.Speaker;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link CallMessageRepository} promises: run against the in-memory fake and the JDBC adapter (H2, PostgreSQL). */
public abstract class CallMessageRepositoryContract {
    protected static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    protected abstract CallMessageRepository messages();

    /** A tenant the store accepts. */
    protected abstract TenantId newTenant();

    /** A stored call of {@code tenant} that lines may belong to. */
    protected abstract CallId newCall(TenantId tenant);

    protected abstract void inTransaction(Runnable work);

    private static CallMessage line(CallId call, TenantId tenant, int i) {
        return new CallMessage(call, tenant, i % 2 == 0 ? Speaker.AGENT : Speaker.CUSTOMER, "line " + i, 0.5 + i / 100.0, true,
                i * 100L, i * 100L + 50, NOW);
    }

    @Test
    void linesComeBackInTheOrderTheyWereAddedWithEveryField() {
        TenantId ann = newTenant();
        CallId call = newCall(ann);
        List<CallMessage> first = IntStream.range(0, 3).mapToObj(i -> line(call, ann, i)).toList();
        List<CallMessage> second = IntStream.range(3, 5).mapToObj(i -> line(call, ann, i)).toList();
        inTransaction(() -> messages().addAll(first));
        inTransaction(() -> messages().addAll(second));
        List<CallMessage> stored = messages().ofCall(ann, call);
        assertThat(stored).extracting(CallMessage::text).containsExactly("line 0", "line 1", "line 2", "line 3", "line 4");
        assertThat(stored.get(1)).satisfies(m -> {
            assertThat(m.speaker()).isEqualTo(Speaker.CUSTOMER);
            assertThat(m.confidence()).isEqualTo(0.51);
            assertThat(m.startMs()).isEqualTo(100);
            assertThat(m.endMs()).isEqualTo(150);
            assertThat(m.isFinal()).isTrue();
            assertThat(m.createdAt()).isEqualTo(NOW);
        });
    }

    @Test
    void anotherTenantSeesNoLinesOfTheCall() {
        TenantId ann = newTenant();
        TenantId bob = newTenant();
        CallId call = newCall(ann);
        inTransaction(() -> messages().addAll(List.of(line(call, ann, 0))));
        assertThat(messages().ofCall(bob, call)).isEmpty();
        assertThat(messages().ofCall(ann, newCall(ann))).as("another call of the same tenant").isEmpty();
    }

    @Test
    void anEmptyBatchStoresNothing() {
        TenantId ann = newTenant();
        CallId call = newCall(ann);
        inTransaction(() -> messages().addAll(List.of()));
        assertThat(messages().ofCall(ann, call)).isEmpty();
    }
}
