package dev.parley.application.organization.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.shared.TenantId;

/** Moves an organization call's conversation phase on what happens in it (tools and escalations move it themselves). Blocks. */
public interface TrackConversationPhaseUseCase {
    /** The call's conversation starts (its media stream or browser session opened): it is in greeting unless it moved on before. */
    void began(TenantId tenant, OrgId org, CallId call);

    /** The caller has said something: greeting turns into intake. */
    void callerSpoke(TenantId tenant, OrgId org, CallId call);
}
