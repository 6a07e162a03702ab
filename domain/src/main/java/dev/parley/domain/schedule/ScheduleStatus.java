package dev.parley.domain.schedule;

import dev.parley.domain.shared.InvalidValueException;

import java.util.Locale;

/** Where a scheduled call stands: {@code scheduled -> placing -> placed | failed | canceled | missed}. */
public enum ScheduleStatus {
    SCHEDULED, PLACING, PLACED, FAILED, CANCELED, MISSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this != SCHEDULED && this != PLACING;
    }

    public static ScheduleStatus parse(String raw) {
        for (ScheduleStatus s : values()) if (s.wireName().equals(raw)) return s;
        throw new InvalidValueException("status", "schedule.status.invalid",
                "status must be one of scheduled, placing, placed, failed, canceled, missed");
    }
}
