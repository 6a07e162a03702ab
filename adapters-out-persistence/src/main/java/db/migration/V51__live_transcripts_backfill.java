package db.migration;

import dev.parley.adapter.out.persistence.transcript.LiveTranscriptProjection;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the calls captured before live transcripts were listed: one live row per call that already
 * has lines (the same projection the adapters run when lines are stored), on both databases.
 */
public class V51__live_transcripts_backfill extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<Long> calls = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT DISTINCT call_id FROM call_messages ORDER BY call_id")) {
            while (rs.next()) calls.add(rs.getLong(1));
        }
        LiveTranscriptProjection projection = new LiveTranscriptProjection();
        for (long call : calls) projection.refresh(connection, call);
    }
}
