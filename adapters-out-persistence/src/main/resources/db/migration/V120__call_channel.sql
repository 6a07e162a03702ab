-- Browser realtime sessions (seeds 003/004) are calls too: channel 'browser' besides 'phone'.
-- A browser call has no phone numbers; its NOT NULL number columns hold an empty string.
ALTER TABLE calls ADD COLUMN channel VARCHAR(16) DEFAULT 'phone' NOT NULL;
