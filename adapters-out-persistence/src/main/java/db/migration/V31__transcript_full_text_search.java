package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * Full-text search indexes for transcripts, on PostgreSQL only: GIN indexes over
 * {@code to_tsvector('english', full_text)}, the exact expression the search query uses. H2 has
 * no such index type (its search is a plain LIKE match), so there this migration does nothing;
 * a Java migration is the one way to keep a single migration history for both databases.
 */
public class V31__transcript_full_text_search extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(product)) return;
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE INDEX enhanced_transcripts_fts_idx ON enhanced_transcripts "
                    + "USING GIN (to_tsvector('english', full_text))");
            statement.execute("CREATE INDEX stored_twilio_transcripts_fts_idx ON stored_twilio_transcripts "
                    + "USING GIN (to_tsvector('english', full_text))");
        }
    }
}
