package dev.parley.adapter.out.persistence.call;

import dev.parley.adapter.out.persistence.shared.Sequences;
import dev.parley.adapter.out.persistence.shared.UniqueViolations;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallChannel;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallStatus;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import dev.parley.adapter.out.persistence.transcript.LiveTranscriptProjection;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
class JdbcCallRepository implements CallRepository {
    private final CallRows rows;
    private final Sequences sequences;
    private final TransactionOperations<Connection> transactions;
    private final LiveTranscriptProjection liveTranscripts;

    JdbcCallRepository(CallRows rows, Sequences sequences, TransactionOperations<Connection> transactions,
                       LiveTranscriptProjection liveTranscripts) {
        this.rows = rows;
        this.sequences = sequences;
        this.transactions = transactions;
        this.liveTranscripts = liveTranscripts;
    }

    @Override
    public CallId nextId() {
        return new CallId(sequences.next("calls_id_seq"));
    }

    @Override
    public void add(Call call) {
        try {
            rows.save(toRow(call));
        } catch (RuntimeException e) {
            if (UniqueViolations.isUniqueViolation(e)) throw new CarrierSidTakenException(e);
            throw e;
        }
    }

    /** Also brings the call's live transcript row up to date (its duration follows the call's), in the same transaction. */
    @Override
    public void update(Call call) {
        transactions.executeWrite(status -> {
            rows.update(toRow(call));
            liveTranscripts.refreshKeepingCallersWork(status.getConnection(), List.of(call.id().value()));
            return null;
        });
    }

    @Override
    public Optional<Call> find(TenantId tenant, CallId id) {
        return rows.findByIdAndTenantId(id.value(), tenant.value()).map(JdbcCallRepository::toDomain);
    }

    @Override
    public Optional<Call> findForUpdate(CallId id) {
        return rows.findByIdForUpdate(id.value()).map(JdbcCallRepository::toDomain);
    }

    @Override
    public Optional<Call> findByCarrierSid(String carrierSid) {
        return rows.findByCallSid(carrierSid).map(JdbcCallRepository::toDomain);
    }

    @Override
    public Optional<Call> findByCarrierSidForUpdate(String carrierSid) {
        return rows.findByCallSidForUpdate(carrierSid).map(JdbcCallRepository::toDomain);
    }

    @Override
    public Page<Call> list(TenantId tenant, PageRequest page) {
        long total = rows.countByTenantId(tenant.value());
        return new Page<>(rows.page(tenant.value(), page.limit(), page.offset()).stream().map(JdbcCallRepository::toDomain).toList(),
                page.offset(), page.limit(), total);
    }

    @Override
    public Page<Call> list(TenantId tenant, String scenarioRef, PageRequest page) {
        long total = rows.countByTenantIdAndScenarioRef(tenant.value(), scenarioRef);
        return new Page<>(rows.pageOf(tenant.value(), scenarioRef, page.limit(), page.offset()).stream().map(JdbcCallRepository::toDomain)
                .toList(), page.offset(), page.limit(), total);
    }

    private CallRow toRow(Call c) {
        return new CallRow(c.id().value(), c.tenant().value(), c.carrierSid().orElse(null), c.direction().wire(),
                number(c.customerNumber()), number(c.organizationNumber()), c.scenarioRef(), c.status().wire(), c.createdAt(),
                c.answeredAt().orElse(null), c.endedAt().orElse(null), c.durationSeconds(), c.endReason().orElse(null),
                c.streamTokenHash().orElse(null), c.streamTokenExpiresAt().orElse(null), Instant.now(), c.channel().wire());
    }

    /** Browser calls have no numbers; their NOT NULL number columns hold an empty string. */
    private static String number(PhoneNumber number) {
        return number == null ? "" : number.e164();
    }

    private static PhoneNumber number(String stored) {
        return stored == null || stored.isEmpty() ? null : new PhoneNumber(stored);
    }

    private static Call toDomain(CallRow r) {
        return Call.reconstitute(new CallId(r.id()), new TenantId(r.tenantId()), CallDirection.parse(r.direction()),
                CallChannel.parse(r.channel()), number(r.customerNumber()), number(r.organizationNumber()), r.scenarioRef(), r.startTime(),
                r.callSid(), CallStatus.fromWire(r.status()).orElseThrow(), r.answeredAt(), r.endTime(), r.duration(),
                r.endReason(), r.streamTokenHash() == null ? null : r.streamTokenHash().strip(), r.streamTokenExpiresAt());
    }
}
