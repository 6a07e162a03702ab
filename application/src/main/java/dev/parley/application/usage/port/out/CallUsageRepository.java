package dev.parley.application.usage.port.out;

import dev.parley.application.usage.port.in.MeasuredCall;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.usage.CallUsage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores each bridged call's ledger and reads the facts cost is estimated from; every read is scoped to one tenant. */
public interface CallUsageRepository {
    /** Stores ledgers, one per call (a call has one media stream: its stream token is redeemed once). */
    void addAll(List<MeasuredCall> measured);

    Optional<CallUsage> find(TenantId tenant, CallId call);

    /** One of the tenant's calls' billing facts; empty for an unknown or another tenant's call. */
    Optional<CallFact> fact(TenantId tenant, CallId call);

    /** The tenant's calls created in [from, to), with their carrier minutes and tokens (zero tokens for calls never bridged). */
    List<CallFact> facts(TenantId tenant, Instant from, Instant to);

    /** One call's billing facts. */
    record CallFact(Instant createdAt, boolean inbound, long durationSeconds, dev.parley.domain.usage.TokenUsage tokens) {
    }
}
