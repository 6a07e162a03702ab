package dev.parley.adapter.out.persistence.schedule;

import dev.parley.application.schedule.port.out.CallingWindowRepository;
import dev.parley.domain.schedule.CallingWindow;
import dev.parley.domain.shared.TenantId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

@Singleton
class JdbcCallingWindowRepository implements CallingWindowRepository {
    private final CallingWindowRows rows;

    JdbcCallingWindowRepository(CallingWindowRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<CallingWindow> find(TenantId tenant) {
        return rows.findById(tenant.value()).map(r -> CallingWindow.parse(r.timeZone(), r.startTime(), r.endTime(),
                Arrays.asList(r.days().split(","))));
    }

    @Override
    public void save(TenantId tenant, CallingWindow w) {
        String days = w.days().stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
        CallingWindowRow row = new CallingWindowRow(tenant.value(), w.zone().getId(), w.start().toString(), w.endText(), days,
                Instant.now());
        if (rows.existsById(tenant.value())) rows.update(row);
        else rows.save(row);
    }
}
