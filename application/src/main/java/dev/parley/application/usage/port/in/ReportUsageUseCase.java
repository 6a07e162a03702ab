package dev.parley.application.usage.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.usage.TokenUsage;
import dev.parley.domain.usage.TurnLatency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the tenant's calls used and cost: one call, or day by day over a period. */
public interface ReportUsageUseCase {
    /** The call's ledger and estimated cost; empty for an unknown or another tenant's call. */
    Optional<CallCost> ofCall(TenantId tenant, CallId call);

    /**
     * Totals per UTC day of the calls created from {@code from} to {@code to}, both inclusive; days without calls are left out.
     *
     * @throws dev.parley.domain.shared.InvalidValueException when {@code from} is after {@code to} or the period is over 366 days
     */
    UsageReport between(TenantId tenant, LocalDate from, LocalDate to);

    /** @param latency empty when the call was never bridged (no media stream) */
    record CallCost(TokenUsage tokens, long minutes, Optional<TurnLatency> latency, int bargeIns, Cost cost) {
    }

    /** Estimated US dollars: the conversation model's tokens, the carrier's minutes, and their sum. */
    record Cost(BigDecimal model, BigDecimal carrier, BigDecimal total) {
    }

    record DayUsage(LocalDate date, long calls, long minutes, TokenUsage tokens, Cost cost) {
    }

    record UsageReport(LocalDate from, LocalDate to, List<DayUsage> days, DayUsage total) {
    }
}
