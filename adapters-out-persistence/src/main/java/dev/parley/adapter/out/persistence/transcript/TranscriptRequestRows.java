package dev.parley.adapter.out.persistence.transcript;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

// SQL is generated at compile time for PostgreSQL; H2 runs in MODE=PostgreSQL (TOOLCHAIN.md §4)
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TranscriptRequestRows extends CrudRepository<TranscriptRequestRow, Long> {
    Optional<TranscriptRequestRow> findByTranscriptSid(String transcriptSid);

    Optional<TranscriptRequestRow> findByRecordingSid(String recordingSid);

    Optional<TranscriptRequestRow> findByTenantIdAndTranscriptSid(long tenantId, String transcriptSid);

    void deleteByTenantIdAndTranscriptSid(long tenantId, String transcriptSid);

    long countByTenantId(long tenantId);

    @Query("SELECT * FROM transcript_requests WHERE tenant_id = :tenantId ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<TranscriptRequestRow> page(long tenantId, int limit, int offset);
}
