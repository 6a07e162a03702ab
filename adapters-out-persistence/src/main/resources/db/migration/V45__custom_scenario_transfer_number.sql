-- Where transfer_to_human sends the callers of a custom scenario (E.164); NULL: the global TRANSFER_PHONE_NUMBER.
ALTER TABLE custom_scenarios ADD COLUMN transfer_phone_number VARCHAR(16);
