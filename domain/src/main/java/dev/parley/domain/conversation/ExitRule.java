package dev.parley.domain.conversation;

import java.util.List;
import java.util.Optional;

/**
 * A call leaves once: of the follow-ups that come due (hang up, transfer), only the first is carried
 * out; later ones, and any after it, are ignored. Not thread-safe: one call, one thread at a time.
 */
public final class ExitRule {
    private FollowUp taken;

    /** @return the follow-up to carry out now, if one is due and none was taken before */
    public Optional<FollowUp> due(List<FollowUp> followUps) {
        if (taken != null || followUps.isEmpty()) return Optional.empty();
        taken = followUps.get(0);
        return Optional.of(taken);
    }

    /** The follow-up the call left by, if any. */
    public Optional<FollowUp> taken() {
        return Optional.ofNullable(taken);
    }
}
