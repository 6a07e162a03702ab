package dev.parley.adapter.out.persistence.transcript;

import dev.parley.adapter.out.persistence.shared.Sequences;
import dev.parley.adapter.out.persistence.shared.UniqueViolations;
import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.transcript.port.out.EnhancedTranscriptListing;
import dev.parley.application.transcript.port.out.EnhancedTranscripts;
import dev.parley.application.transcript.port.out.TranscriptAlreadyStoredException;
import dev.parley.application.transcript.port.out.TranscriptFilter;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.transcript.EnhancedTranscript;
import dev.parley.domain.transcript.SpeakerRole;
import dev.parley.domain.transcript.TranscriptAnalysis;
import dev.parley.domain.transcript.TranscriptSource;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enhanced transcripts: the sentences plus the figures the list shows and filters on, computed once when stored.
 * The table also holds the live rows of bridged calls ({@link LiveTranscriptProjection}), so the list and its
 * search are one query over one table.
 */
@Singleton
class JdbcEnhancedTranscripts implements EnhancedTranscripts {
    private static final String INTELLIGENCE = TranscriptSource.INTELLIGENCE.value();
    private final EnhancedTranscriptRows rows;
    private final Sequences sequences;
    private final TranscriptJson json;
    private final TextSearch search;
    private final ConnectionOperations<Connection> connections;
    private final TransactionOperations<Connection> transactions;
    private final LiveTranscriptProjection live;

    JdbcEnhancedTranscripts(EnhancedTranscriptRows rows, Sequences sequences, TranscriptJson json, TextSearch search,
                            ConnectionOperations<Connection> connections, TransactionOperations<Connection> transactions,
                            LiveTranscriptProjection live) {
        this.rows = rows;
        this.sequences = sequences;
        this.json = json;
        this.search = search;
        this.connections = connections;
        this.transactions = transactions;
        this.live = live;
    }

    /** Stores an Intelligence transcript; the call's live row, if any, leaves the list in the same transaction. */
    @Override
    public void add(EnhancedTranscript t) {
        TranscriptAnalysis analysis = t.analysis();
        String speakers = LiveTranscriptProjection.speakers(analysis.participants());
        try {
            transactions.executeWrite(status -> {
                Connection c = status.getConnection();
                long tenant = t.tenant().value();
                try {
                    live.lockCallBySid(c, tenant, t.callSid());
                    rows.save(new EnhancedTranscriptRow(sequences.next("enhanced_transcripts_id_seq"), tenant, t.transcriptSid(),
                            t.callSid(), t.callDate(), analysis.summary().totalDurationSeconds(), t.direction().wire(), t.scenarioName(),
                            analysis.summary().participantCount(), analysis.summary().conversationTurns(), analysis.summary().totalWords(),
                            speakers, json.sentences(t.sentences()), analysis.fullText(), t.callDate(), INTELLIGENCE));
                    if (!t.callSid().isBlank()) live.delete(c, tenant, t.callSid());
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not store an enhanced transcript", e);
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (UniqueViolations.isUniqueViolation(e)) throw new TranscriptAlreadyStoredException(t.transcriptSid(), e);
            throw e;
        }
    }

    @Override
    public Optional<EnhancedTranscript> find(TenantId tenant, String transcriptSid) {
        return rows.findByTenantIdAndTranscriptSidAndSource(tenant.value(), transcriptSid, INTELLIGENCE).map(r -> new EnhancedTranscript(tenant,
                r.transcriptSid(), r.callSid(), r.callDate(), r.duration(), CallDirection.parse(r.callDirection()), r.scenarioName(),
                json.domainSentences(r.sentences())));
    }

    @Override
    public Page<EnhancedTranscriptListing> list(TenantId tenant, TranscriptFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" FROM enhanced_transcripts WHERE tenant_id = ?");
        List<Object> params = TextSearch.params(tenant.value());
        filter.direction().ifPresent(d -> {
            where.append(" AND call_direction = ?");
            params.add(d.wire());
        });
        if (!filter.scenarioName().isEmpty()) {
            where.append(" AND LOWER(scenario_name) = ?");
            params.add(filter.scenarioName().toLowerCase(java.util.Locale.ROOT));
        }
        search.where(where, params, filter.query());
        return connections.executeRead(status -> {
            try {
                Connection c = status.getConnection();
                long total = JdbcStoredTranscripts.count(c, "SELECT COUNT(*)" + where, params);
                List<Object> pageParams = new ArrayList<>(params);
                pageParams.add(page.limit());
                pageParams.add(page.offset());
                List<EnhancedTranscriptListing> items = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(search.pageQuery("id, transcript_sid, call_date, duration, call_direction, scenario_name,"
                        + " participant_count, conversation_turns, total_words, speakers, source", where.toString(), "call_date DESC, id DESC",
                        filter.query()))) {
                    TextSearch.bind(s, pageParams);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            items.add(new EnhancedTranscriptListing(rs.getLong(1), rs.getString(2),
                                    rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getLong(4),
                                    CallDirection.parse(rs.getString(5)), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                                    speakers(rs.getString(10)), LiveTranscriptProjection.source(rs.getString(11))));
                        }
                    }
                }
                return new Page<>(items, page.offset(), page.limit(), total);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not list enhanced transcripts", e);
            }
        });
    }

    private static Map<Integer, SpeakerRole> speakers(String encoded) {
        Map<Integer, SpeakerRole> speakers = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) return speakers;
        for (String pair : encoded.split(",")) {
            String[] parts = pair.split(":");
            speakers.put(Integer.parseInt(parts[0]), SpeakerRole.parse(parts[1]));
        }
        return speakers;
    }

    /** Removes an Intelligence transcript; a call with captured lines is listed with its live transcript again. */
    @Override
    public void remove(TenantId tenant, String transcriptSid) {
        transactions.executeWrite(status -> {
            Connection c = status.getConnection();
            Optional<EnhancedTranscriptRow> row = rows.findByTenantIdAndTranscriptSidAndSource(tenant.value(), transcriptSid, INTELLIGENCE);
            if (row.isEmpty()) return null;
            try {
                long call = live.lockCallBySid(c, tenant.value(), row.get().callSid());
                rows.deleteById(row.get().id());
                if (call >= 0) live.refresh(c, call);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not remove an enhanced transcript", e);
            }
            return null;
        });
    }
}
