package dev.parley.adapter.out.persistence.transcript;

import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.transcript.CapturedLine;
import dev.parley.domain.transcript.EnhancedTranscript;
import dev.parley.domain.transcript.Participant;
import dev.parley.domain.transcript.SpeakerRole;
import dev.parley.domain.transcript.TranscriptAnalysis;
import dev.parley.domain.transcript.TranscriptSource;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps a bridged call's live row in {@code enhanced_transcripts} (V50) equal to what its captured
 * lines say: the same analysis as the live detail view, over the call's lines in the order they
 * were stored. Runs on the caller's connection, inside the caller's transaction: with the lines as
 * they are stored, when the call changes (its duration), and when an Intelligence transcript of the
 * call comes or goes. The call's row is locked first ({@code FOR UPDATE}), so the refreshes of one
 * call, and the storing of its Intelligence transcript, happen one after the other.
 * A call without a SID or without lines has no live row; one with an Intelligence transcript neither.
 */
@Singleton
public final class LiveTranscriptProjection {
    private static final Logger LOG = LoggerFactory.getLogger(LiveTranscriptProjection.class);
    private static final String CALL = "SELECT tenant_id, call_sid, direction, scenario_ref, start_time, duration FROM calls "
            + "WHERE id = ? FOR UPDATE";
    private static final String HAS_INTELLIGENCE = "SELECT 1 FROM enhanced_transcripts WHERE tenant_id = ? AND call_sid = ? "
            + "AND source = 'intelligence' LIMIT 1";
    private static final String LINES = "SELECT sender_type, content, start_ms, end_ms, confidence FROM call_messages "
            + "WHERE tenant_id = ? AND call_id = ? ORDER BY id";
    private static final String UPDATE = "UPDATE enhanced_transcripts SET call_date = ?, duration = ?, call_direction = ?, "
            + "scenario_name = ?, participant_count = ?, conversation_turns = ?, total_words = ?, speakers = ?, full_text = ? "
            + "WHERE transcript_sid = ? AND tenant_id = ? AND source = 'live'";
    private static final String INSERT = "INSERT INTO enhanced_transcripts (call_date, duration, call_direction, scenario_name, "
            + "participant_count, conversation_turns, total_words, speakers, full_text, transcript_sid, tenant_id, id, call_sid, "
            + "sentences, created_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, nextval('enhanced_transcripts_id_seq'), ?, '[]', ?, 'live')";
    private static final String DELETE = "DELETE FROM enhanced_transcripts WHERE transcript_sid = ? AND tenant_id = ? AND source = 'live'";

    /** Locks the calls (in id order, so concurrent writers of several calls cannot deadlock). */
    public void lockCalls(Connection connection, List<Long> callIds) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM calls WHERE id = ? FOR UPDATE")) {
            for (long id : callIds.stream().distinct().sorted().toList()) {
                lock.setLong(1, id);
                try (ResultSet ignored = lock.executeQuery()) {
                    // the lock is the point
                }
            }
        }
    }

    /**
     * Refreshes these calls' rows behind a savepoint: should that fail, the rows stay as they were
     * (until the call's next line or change) and the caller's own work (the lines) still commits.
     * Needs a transaction under way.
     */
    public void refreshKeepingCallersWork(Connection connection, List<Long> callIds) {
        Savepoint savepoint = null;
        try {
            savepoint = connection.setSavepoint();
            for (long id : callIds) refresh(connection, id);
            connection.releaseSavepoint(savepoint);
        } catch (SQLException | RuntimeException e) {
            try {
                if (savepoint != null) connection.rollback(savepoint);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            LOG.warn("Could not refresh the live transcripts of calls {}: {}", callIds, e.toString());
        }
    }

    /** Rewrites (or adds, or drops) the live row of one call from its stored lines. */
    public void refresh(Connection connection, long callId) throws SQLException {
        long tenant;
        String callSid, direction, scenario;
        OffsetDateTime start;
        long duration;
        try (PreparedStatement s = connection.prepareStatement(CALL)) {
            s.setLong(1, callId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) return;
                tenant = rs.getLong(1);
                callSid = rs.getString(2);
                direction = rs.getString(3);
                scenario = rs.getString(4);
                start = rs.getObject(5, OffsetDateTime.class);
                duration = rs.getLong(6);
            }
        }
        if (callSid == null || callSid.isBlank()) return;
        if (hasIntelligence(connection, tenant, callSid)) {
            delete(connection, tenant, callSid);
            return;
        }
        List<CapturedLine> lines = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(LINES)) {
            s.setLong(1, tenant);
            s.setLong(2, callId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next())
                    lines.add(new CapturedLine(SpeakerRole.parse(rs.getString(1)), rs.getString(2), rs.getLong(3) / 1000.0,
                            rs.getLong(4) / 1000.0, rs.getDouble(5)));
            }
        }
        if (lines.isEmpty()) {
            delete(connection, tenant, callSid);
            return;
        }
        EnhancedTranscript transcript = EnhancedTranscript.ofCapturedLines(new TenantId(tenant), callSid, start.toInstant(), duration,
                direction(direction), scenario, lines);
        TranscriptAnalysis analysis = transcript.analysis();
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            int p = bindFigures(update, transcript, analysis, start);
            update.setString(p++, callSid);
            update.setLong(p, tenant);
            if (update.executeUpdate() > 0) return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int p = bindFigures(insert, transcript, analysis, start);
            insert.setString(p++, callSid);
            insert.setLong(p++, tenant);
            insert.setString(p++, callSid);
            insert.setObject(p, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    /** Removes the live row of a call that now has an Intelligence transcript. */
    void delete(Connection connection, long tenant, String callSid) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(DELETE)) {
            s.setString(1, callSid);
            s.setLong(2, tenant);
            s.executeUpdate();
        }
    }

    /** The call (of this tenant) with this SID, locked; -1 when there is none. */
    long lockCallBySid(Connection connection, long tenant, String callSid) throws SQLException {
        if (callSid == null || callSid.isBlank()) return -1;
        try (PreparedStatement s = connection.prepareStatement("SELECT id FROM calls WHERE call_sid = ? AND tenant_id = ? FOR UPDATE")) {
            s.setString(1, callSid);
            s.setLong(2, tenant);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private static boolean hasIntelligence(Connection connection, long tenant, String callSid) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(HAS_INTELLIGENCE)) {
            s.setLong(1, tenant);
            s.setString(2, callSid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int bindFigures(PreparedStatement s, EnhancedTranscript t, TranscriptAnalysis analysis, OffsetDateTime start)
            throws SQLException {
        int p = 1;
        s.setObject(p++, start);
        s.setLong(p++, analysis.summary().totalDurationSeconds());
        s.setString(p++, t.direction().wire());
        s.setString(p++, t.scenarioName());
        s.setInt(p++, analysis.summary().participantCount());
        s.setInt(p++, analysis.summary().conversationTurns());
        s.setInt(p++, analysis.summary().totalWords());
        s.setString(p++, speakers(analysis.participants()));
        s.setString(p++, analysis.fullText());
        return p;
    }

    /** The list's {@code speakers} column: channel:role pairs, e.g. {@code 1:agent,2:customer}. */
    static String speakers(List<Participant> participants) {
        return participants.stream().map(p -> p.channel() + ":" + p.role().value()).collect(Collectors.joining(","));
    }

    private static CallDirection direction(String raw) {
        try {
            return CallDirection.parse(raw);
        } catch (InvalidValueException e) {
            return CallDirection.INBOUND;
        }
    }

    static TranscriptSource source(String raw) {
        return TranscriptSource.parse(raw);
    }
}
