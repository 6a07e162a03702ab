-- Live transcripts in the enhanced-transcript list. A call bridged by this server with captured lines
-- (call_messages) has one row here with source = 'live': transcript_sid is the call's SID, the figures
-- and full_text are computed from its lines and rewritten in the transaction that stores new lines or
-- updates the call (LiveTranscriptProjection), and sentences stays '[]' (the lines stay in call_messages).
-- A call with a Voice Intelligence transcript (source = 'intelligence') has no live row: the list shows
-- the Intelligence one. Live rows share the list's indexes (tenant/date, tenant/direction/date, and on
-- PostgreSQL the full-text GIN index of V31), so listing and search stay one single-table query.
ALTER TABLE enhanced_transcripts ADD COLUMN source VARCHAR(16) NOT NULL DEFAULT 'intelligence';
-- "has this call an Intelligence transcript?" when live lines arrive
CREATE INDEX enhanced_transcripts_tenant_call_idx ON enhanced_transcripts (tenant_id, call_sid);
