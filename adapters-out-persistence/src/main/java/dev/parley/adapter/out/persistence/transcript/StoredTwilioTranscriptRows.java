package dev.parley.adapter.out.persistence.transcript;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface StoredTwilioTranscriptRows extends CrudRepository<StoredTwilioTranscriptRow, Long> {
    boolean existsByTranscriptSid(String transcriptSid);

    Optional<StoredTwilioTranscriptRow> findByTenantIdAndTranscriptSid(long tenantId, String transcriptSid);

    void deleteByTenantIdAndTranscriptSid(long tenantId, String transcriptSid);
}
