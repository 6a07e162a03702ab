package dev.parley.adapter.out.persistence.transcript;

import dev.parley.adapter.out.persistence.shared.Sequences;
import dev.parley.adapter.out.persistence.shared.UniqueViolations;
import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.transcript.port.out.TranscriptAlreadyStoredException;
import dev.parley.application.transcript.port.out.TranscriptRequests;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.transcript.TranscriptRequest;
import jakarta.inject.Singleton;

import java.util.Optional;

@Singleton
class JdbcTranscriptRequests implements TranscriptRequests {
    private final TranscriptRequestRows rows;
    private final Sequences sequences;

    JdbcTranscriptRequests(TranscriptRequestRows rows, Sequences sequences) {
        this.rows = rows;
        this.sequences = sequences;
    }

    @Override
    public void add(TranscriptRequest r) {
        try {
            rows.save(new TranscriptRequestRow(sequences.next("transcript_requests_id_seq"), r.tenant().value(), r.transcriptSid(),
                    r.callSid(), r.recordingSid().isEmpty() ? null : r.recordingSid(), r.mediaUrl(), r.direction().wire(),
                    r.scenarioName(), r.createdAt()));
        } catch (RuntimeException e) {
            if (UniqueViolations.isUniqueViolation(e)) throw new TranscriptAlreadyStoredException(r.transcriptSid(), e);
            throw e;
        }
    }

    @Override
    public Optional<TranscriptRequest> bySid(String transcriptSid) {
        return rows.findByTranscriptSid(transcriptSid).map(JdbcTranscriptRequests::toDomain);
    }

    @Override
    public Optional<TranscriptRequest> byRecordingSid(String recordingSid) {
        return rows.findByRecordingSid(recordingSid).map(JdbcTranscriptRequests::toDomain);
    }

    @Override
    public Optional<TranscriptRequest> find(TenantId tenant, String transcriptSid) {
        return rows.findByTenantIdAndTranscriptSid(tenant.value(), transcriptSid).map(JdbcTranscriptRequests::toDomain);
    }

    @Override
    public Page<TranscriptRequest> list(TenantId tenant, PageRequest page) {
        return new Page<>(rows.page(tenant.value(), page.limit(), page.offset()).stream().map(JdbcTranscriptRequests::toDomain).toList(),
                page.offset(), page.limit(), rows.countByTenantId(tenant.value()));
    }

    @Override
    public void remove(TenantId tenant, String transcriptSid) {
        rows.deleteByTenantIdAndTranscriptSid(tenant.value(), transcriptSid);
    }

    private static TranscriptRequest toDomain(TranscriptRequestRow row) {
        return new TranscriptRequest(new TenantId(row.tenantId()), row.transcriptSid(), row.callSid(), row.recordingSid(), row.mediaUrl(),
                CallDirection.parse(row.callDirection()), row.scenarioName(), row.createdAt());
    }
}
