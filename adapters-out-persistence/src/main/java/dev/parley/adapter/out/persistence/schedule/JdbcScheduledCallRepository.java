package dev.parley.adapter.out.persistence.schedule;

import dev.parley.adapter.out.persistence.shared.Sequences;
import dev.parley.application.schedule.port.out.ScheduledCallRepository;
import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.domain.schedule.ScheduleStatus;
import dev.parley.domain.schedule.ScheduledCall;
import dev.parley.domain.schedule.ScheduledCallId;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

@Singleton
class JdbcScheduledCallRepository implements ScheduledCallRepository {
    private final ScheduledCallRows rows;
    private final Sequences sequences;

    JdbcScheduledCallRepository(ScheduledCallRows rows, Sequences sequences) {
        this.rows = rows;
        this.sequences = sequences;
    }

    @Override
    public ScheduledCallId nextId() {
        return new ScheduledCallId(sequences.next("scheduled_calls_id_seq"));
    }

    @Override
    public void add(ScheduledCall call) {
        rows.save(toRow(call));
    }

    @Override
    public void update(ScheduledCall call) {
        rows.update(toRow(call));
    }

    @Override
    public Optional<ScheduledCall> find(TenantId tenant, ScheduledCallId id) {
        return rows.findByIdAndTenantId(id.value(), tenant.value()).map(JdbcScheduledCallRepository::toDomain);
    }

    @Override
    public Optional<ScheduledCall> findForUpdate(ScheduledCallId id) {
        return rows.findByIdForUpdate(id.value()).map(JdbcScheduledCallRepository::toDomain);
    }

    @Override
    public Page<ScheduledCall> list(TenantId tenant, ScheduleStatus status, PageRequest page) {
        long total;
        List<ScheduledCallRow> found;
        if (status == null) {
            total = rows.countByTenantId(tenant.value());
            found = rows.page(tenant.value(), page.limit(), page.offset());
        } else {
            total = rows.countByTenantIdAndStatus(tenant.value(), status.wireName());
            found = rows.pageOfStatus(tenant.value(), status.wireName(), page.limit(), page.offset());
        }
        return new Page<>(found.stream().map(JdbcScheduledCallRepository::toDomain).toList(), page.offset(), page.limit(), total);
    }

    private static ScheduledCallRow toRow(ScheduledCall c) {
        String error = c.lastError().map(e -> e.length() > 1000 ? e.substring(0, 1000) : e).orElse(null);
        return new ScheduledCallRow(c.id().value(), c.tenant().value(), c.to().e164(), c.scenarioRef(), c.scheduledTime(), c.dueAt(),
                c.status().wireName(), c.attempts(), error, c.callId().orElse(null), c.callSid().orElse(null), c.createdAt(),
                c.updatedAt());
    }

    private static ScheduledCall toDomain(ScheduledCallRow r) {
        return ScheduledCall.reconstitute(new ScheduledCallId(r.id()), new TenantId(r.tenantId()), new PhoneNumber(r.phoneNumber()),
                r.scenarioRef(), r.scheduledTime(), r.dueAt(), ScheduleStatus.valueOf(r.status().toUpperCase(Locale.ROOT)), r.attempts(),
                r.lastError(), r.callId(), r.callSid(), r.createdAt(), r.updatedAt());
    }
}
