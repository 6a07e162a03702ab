package dev.parley.domain.organization;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What callers may be told about the organization: who it is, where, when it is open, what it offers. */
public record BusinessInfo(String name, String description, String address, ZoneId timeZone, List<OpeningHours> hours,
                           List<String> services) {
    public BusinessInfo {
        name = Limits.text("business.name", name, 100, true);
        description = Objects.requireNonNullElse(Limits.text("business.description", description, 2000, false), "");
        address = Objects.requireNonNullElse(Limits.text("business.address", address, 300, false), "");
        Objects.requireNonNull(timeZone, "timeZone");
        hours = hours == null ? List.of() : new ArrayList<>(hours);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (OpeningHours h : hours)
            if (!days.add(h.day())) throw Limits.invalid("business.hours", "duplicate-day", "names " + h.day().name().toLowerCase(java.util.Locale.ROOT) + " twice");
        hours = hours.stream().sorted(Comparator.comparing(OpeningHours::day)).toList();
        services = Limits.texts("business.services", services, 50, 100);
    }

    /** A business with only a name, open no listed hours, in UTC. */
    public static BusinessInfo named(String name) {
        return new BusinessInfo(name, "", "", ZoneId.of("UTC"), List.of(), List.of());
    }
}
