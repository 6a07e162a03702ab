package dev.parley.adapter.out.persistence.transcript;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface EnhancedTranscriptRows extends CrudRepository<EnhancedTranscriptRow, Long> {
    Optional<EnhancedTranscriptRow> findByTenantIdAndTranscriptSidAndSource(long tenantId, String transcriptSid, String source);
}
