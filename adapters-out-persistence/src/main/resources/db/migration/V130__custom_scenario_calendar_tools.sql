-- Whether a custom scenario's calls get the calendar tools (check_availability, find_slots, book_meeting).
-- Existing scenarios keep doing without them. Runs unchanged on PostgreSQL and H2.
ALTER TABLE custom_scenarios ADD COLUMN calendar_tools BOOLEAN DEFAULT FALSE NOT NULL;
