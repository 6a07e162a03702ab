package dev.parley.domain.session;

import dev.parley.domain.shared.InvalidValueException;

/**
 * A browser's WebRTC SDP offer, relayed as is. Refuses what no browser sends: an empty body,
 * something that is not SDP (it starts with {@code v=0} and has at least one media line), control
 * characters other than line breaks and tabs, or more than {@value #MAX_CHARS} characters.
 */
public record SdpOffer(String sdp) {
    public static final int MAX_CHARS = 16_384;

    public SdpOffer {
        if (sdp == null || sdp.isBlank()) throw new InvalidValueException("sdp", "sdp.missing", "sdp is required");
        if (sdp.length() > MAX_CHARS)
            throw new InvalidValueException("sdp", "sdp.too-large", "sdp must be at most " + MAX_CHARS + " characters");
        if (!sdp.startsWith("v=0") || !(sdp.contains("\nm=")))
            throw new InvalidValueException("sdp", "sdp.invalid", "sdp is not an SDP offer (v=0 … m=…)");
        for (int i = 0; i < sdp.length(); i++) {
            char c = sdp.charAt(i);
            if (c < 0x20 && c != '\r' && c != '\n' && c != '\t' || c == 0x7f)
                throw new InvalidValueException("sdp", "sdp.invalid", "sdp contains control characters");
        }
    }
}
