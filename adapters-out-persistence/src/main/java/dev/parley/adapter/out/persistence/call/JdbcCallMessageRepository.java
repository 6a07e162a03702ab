package dev.parley.adapter.out.persistence.call;

import dev.parley.application.call.port.out.CallMessageRepository;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.call.Speaker;
import dev.parley.domain.shared.TenantId;
import dev.parley.adapter.out.persistence.transcript.LiveTranscriptProjection;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Appends lines with one JDBC batch per call of {@link #addAll}; ids come from the sequence inside the INSERT.
 * In the same transaction (the caller's, or one of its own), each call's live transcript row is brought up to
 * date, so the transcript list and its search show what was said so far.
 */
@Singleton
class JdbcCallMessageRepository implements CallMessageRepository {
    private static final String INSERT = "INSERT INTO call_messages (id, tenant_id, call_id, message_type, sender_type, content, "
            + "confidence, is_final, start_ms, end_ms, created_at) VALUES (nextval('call_messages_id_seq'), ?, ?, 'transcript', ?, ?, ?, ?, ?, ?, ?)";
    private final CallMessageRows rows;
    private final TransactionOperations<Connection> transactions;
    private final LiveTranscriptProjection liveTranscripts;

    JdbcCallMessageRepository(CallMessageRows rows, TransactionOperations<Connection> transactions,
                              LiveTranscriptProjection liveTranscripts) {
        this.rows = rows;
        this.transactions = transactions;
        this.liveTranscripts = liveTranscripts;
    }

    @Override
    public void addAll(List<CallMessage> messages) {
        if (messages.isEmpty()) return;
        List<Long> calls = messages.stream().map(m -> m.call().value()).distinct().sorted().toList();
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                liveTranscripts.lockCalls(connection, calls);
                for (CallMessage m : messages) {
                    insert.setLong(1, m.tenant().value());
                    insert.setLong(2, m.call().value());
                    insert.setString(3, m.speaker().wire());
                    insert.setString(4, m.text());
                    insert.setDouble(5, m.confidence());
                    insert.setBoolean(6, m.isFinal());
                    insert.setLong(7, m.startMs());
                    insert.setLong(8, m.endMs());
                    insert.setObject(9, OffsetDateTime.ofInstant(m.createdAt(), ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
                liveTranscripts.refreshKeepingCallersWork(connection, calls);
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not store call messages", e);
            }
        });
    }

    @Override
    public List<CallMessage> ofCall(TenantId tenant, CallId call) {
        return rows.findByTenantIdAndCallIdOrderById(tenant.value(), call.value()).stream()
                .map(r -> new CallMessage(new CallId(r.callId()), new TenantId(r.tenantId()), Speaker.fromWire(r.senderType()),
                        r.content(), r.confidence(), r.isFinal(), r.startMs(), r.endMs(), r.createdAt()))
                .toList();
    }
}
