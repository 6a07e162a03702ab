package dev.parley.application.call.port.in;

import dev.parley.domain.shared.TenantId;

import java.util.List;
import java.util.Optional;

/** Looks calls up for other contexts, by the carrier's call SID. */
public interface FindCallUseCase {
    /** For signed carrier webhooks, which name the call but no tenant. */
    Optional<CallSummary> byCarrierSid(String carrierCallSid);

    /** The tenant's own call; another tenant's is empty. */
    Optional<CallSummary> byCarrierSid(TenantId tenant, String carrierCallSid);

    /** What was said in the tenant's call, in order; empty for another tenant's call. */
    List<CallTranscriptLine> transcript(TenantId tenant, String carrierCallSid);
}
