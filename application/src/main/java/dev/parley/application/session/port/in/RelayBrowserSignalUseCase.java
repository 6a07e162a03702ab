package dev.parley.application.session.port.in;

import dev.parley.domain.session.SdpOffer;
import dev.parley.domain.shared.TenantId;

/**
 * Connects a browser's WebRTC offer for one of the tenant's live sessions (seed 004
 * {@code POST /realtime/signal}) with the server's key, and answers the vendor's SDP answer.
 */
public interface RelayBrowserSignalUseCase {
    /**
     * @throws BrowserSessionNotFoundException unknown, expired, already connected or another tenant's session
     * @throws dev.parley.application.session.port.out.RealtimeUnavailableException the vendor is not configured or refused
     */
    String relay(TenantId tenant, String sessionId, SdpOffer offer);
}
