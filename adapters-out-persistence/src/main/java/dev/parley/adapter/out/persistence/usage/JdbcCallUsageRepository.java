package dev.parley.adapter.out.persistence.usage;

import dev.parley.application.usage.port.out.CallUsageRepository;
import dev.parley.application.usage.port.in.MeasuredCall;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.usage.CallUsage;
import dev.parley.domain.usage.TokenUsage;
import dev.parley.domain.usage.TurnLatency;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Call ledgers in {@code call_usage}, one row per bridged call, written in one JDBC batch per journal batch. */
@Singleton
class JdbcCallUsageRepository implements CallUsageRepository {
    private static final String COLUMNS = "input_text_tokens, input_audio_tokens, cached_text_tokens, cached_audio_tokens, "
            + "output_text_tokens, output_audio_tokens, turns, turn_p50_ms, turn_max_ms, first_audio_ms, barge_ins";
    private static final String INSERT = "INSERT INTO call_usage (call_id, tenant_id, " + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String FIND = "SELECT " + COLUMNS + " FROM call_usage WHERE tenant_id = ? AND call_id = ?";
    /** Rides the calls (tenant_id, start_time) index; calls never bridged have no usage row and count zero tokens. */
    private static final String FACTS = "SELECT c.start_time, c.direction, c.duration, u.input_text_tokens, u.input_audio_tokens, "
            + "u.cached_text_tokens, u.cached_audio_tokens, u.output_text_tokens, u.output_audio_tokens "
            + "FROM calls c LEFT JOIN call_usage u ON u.call_id = c.id "
            + "WHERE c.tenant_id = ? AND c.start_time >= ? AND c.start_time < ?";
    private static final String FACT = "SELECT c.start_time, c.direction, c.duration, u.input_text_tokens, u.input_audio_tokens, "
            + "u.cached_text_tokens, u.cached_audio_tokens, u.output_text_tokens, u.output_audio_tokens "
            + "FROM calls c LEFT JOIN call_usage u ON u.call_id = c.id WHERE c.tenant_id = ? AND c.id = ?";
    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;

    JdbcCallUsageRepository(TransactionOperations<Connection> transactions, ConnectionOperations<Connection> connections) {
        this.transactions = transactions;
        this.connections = connections;
    }

    @Override
    public void addAll(List<MeasuredCall> measured) {
        if (measured.isEmpty()) return;
        transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement(INSERT)) {
                for (MeasuredCall m : measured) {
                    TokenUsage t = m.usage().tokens();
                    TurnLatency l = m.usage().latency();
                    insert.setLong(1, m.call().value());
                    insert.setLong(2, m.tenant().value());
                    insert.setLong(3, t.inputText());
                    insert.setLong(4, t.inputAudio());
                    insert.setLong(5, t.cachedInputText());
                    insert.setLong(6, t.cachedInputAudio());
                    insert.setLong(7, t.outputText());
                    insert.setLong(8, t.outputAudio());
                    insert.setInt(9, l.turns());
                    insert.setLong(10, l.p50Ms());
                    insert.setLong(11, l.maxMs());
                    insert.setLong(12, l.firstAudioMs());
                    insert.setInt(13, m.usage().bargeIns());
                    insert.addBatch();
                }
                insert.executeBatch();
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not store call ledgers", e);
            }
        });
    }

    @Override
    public Optional<CallUsage> find(TenantId tenant, CallId call) {
        return connections.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(FIND)) {
                select.setLong(1, tenant.value());
                select.setLong(2, call.value());
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    TokenUsage tokens = new TokenUsage(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
                    TurnLatency latency = new TurnLatency(rs.getInt(7), rs.getLong(8), rs.getLong(9), rs.getLong(10));
                    return Optional.of(new CallUsage(tokens, latency, rs.getInt(11)));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read a call ledger", e);
            }
        });
    }

    @Override
    public Optional<CallFact> fact(TenantId tenant, CallId call) {
        return connections.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(FACT)) {
                select.setLong(1, tenant.value());
                select.setLong(2, call.value());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(fact(rs)) : Optional.<CallFact>empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read a call's usage", e);
            }
        });
    }

    private static CallFact fact(ResultSet rs) throws SQLException {
        Instant created = rs.getObject(1, OffsetDateTime.class).toInstant();
        TokenUsage tokens = new TokenUsage(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9));
        return new CallFact(created, "inbound".equals(rs.getString(2)), rs.getLong(3), tokens);
    }

    @Override
    public List<CallFact> facts(TenantId tenant, Instant from, Instant to) {
        return connections.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(FACTS)) {
                select.setLong(1, tenant.value());
                select.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                select.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
                List<CallFact> facts = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) facts.add(fact(rs));
                }
                return facts;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read call usage", e);
            }
        });
    }
}
