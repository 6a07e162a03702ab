package dev.parley.adapter.out.persistence.transcript;

import dev.parley.adapter.out.persistence.shared.Sequences;
import dev.parley.adapter.out.persistence.shared.UniqueViolations;
import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.transcript.port.out.CarrierTranscript;
import dev.parley.application.transcript.port.out.StoredTranscripts;
import dev.parley.application.transcript.port.out.TranscriptAlreadyStoredException;
import dev.parley.domain.shared.TenantId;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Singleton
class JdbcStoredTranscripts implements StoredTranscripts {
    private static final String COLUMNS = "transcript_sid, status, date_created, date_updated, duration, language_code, sentences, "
            + "account_sid, service_sid, customer_key, call_sid, id";
    private final StoredTwilioTranscriptRows rows;
    private final Sequences sequences;
    private final TranscriptJson json;
    private final TextSearch search;
    private final ConnectionOperations<Connection> connections;

    JdbcStoredTranscripts(StoredTwilioTranscriptRows rows, Sequences sequences, TranscriptJson json, TextSearch search,
                          ConnectionOperations<Connection> connections) {
        this.rows = rows;
        this.sequences = sequences;
        this.json = json;
        this.search = search;
        this.connections = connections;
    }

    @Override
    public boolean exists(String transcriptSid) {
        return rows.existsByTranscriptSid(transcriptSid);
    }

    @Override
    public void add(TenantId tenant, CarrierTranscript t, String scenarioName, Instant storedAt) {
        try {
            rows.save(new StoredTwilioTranscriptRow(sequences.next("stored_twilio_transcripts_id_seq"), tenant.value(), t.sid(), t.status(),
                    t.dateCreated(), t.dateUpdated(), (int) Math.min(Integer.MAX_VALUE, t.durationSeconds()), t.languageCode(),
                    json.twilioSentences(t.sentences()), t.accountSid(), t.serviceSid(), t.customerKey(), t.callSid(),
                    scenarioName == null ? "" : scenarioName, t.fullText(), storedAt));
        } catch (RuntimeException e) {
            if (UniqueViolations.isUniqueViolation(e)) throw new TranscriptAlreadyStoredException(t.sid(), e);
            throw e;
        }
    }

    @Override
    public Optional<CarrierTranscript> find(TenantId tenant, String transcriptSid) {
        return rows.findByTenantIdAndTranscriptSid(tenant.value(), transcriptSid).map(r -> new CarrierTranscript(r.transcriptSid(),
                r.accountSid(), r.serviceSid(), r.status(), r.dateCreated(), r.dateUpdated(), r.duration(), r.languageCode(),
                r.customerKey(), r.callSid(), json.carrierSentences(r.sentences())));
    }

    @Override
    public Page<CarrierTranscript> list(TenantId tenant, String query, PageRequest page) {
        StringBuilder where = new StringBuilder(" FROM stored_twilio_transcripts WHERE tenant_id = ?");
        List<Object> params = TextSearch.params(tenant.value());
        search.where(where, params, query);
        return connections.executeRead(status -> {
            try {
                Connection c = status.getConnection();
                long total = count(c, "SELECT COUNT(*)" + where, params);
                List<Object> pageParams = new ArrayList<>(params);
                pageParams.add(page.limit());
                pageParams.add(page.offset());
                List<CarrierTranscript> items = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(search.pageQuery(COLUMNS, where.toString(), "id DESC", query))) {
                    TextSearch.bind(s, pageParams);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            items.add(new CarrierTranscript(rs.getString(1), rs.getString(8), rs.getString(9), rs.getString(2),
                                    rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(10), rs.getString(11),
                                    json.carrierSentences(rs.getString(7))));
                        }
                    }
                }
                return new Page<>(items, page.offset(), page.limit(), total);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not list stored transcripts", e);
            }
        });
    }

    static long count(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            TextSearch.bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void remove(TenantId tenant, String transcriptSid) {
        rows.deleteByTenantIdAndTranscriptSid(tenant.value(), transcriptSid);
    }
}
