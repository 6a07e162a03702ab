package dev.parley.domain.conversation;

import dev.parley.domain.shared.PhoneNumber;

import java.util.Objects;

/** What happens to the call once the audio queued before a mark has been heard. */
public sealed interface FollowUp {
    /** Hang up: the assistant's goodbye has been heard. */
    record HangUp() implements FollowUp {
    }

    /** Hand the caller to a person at {@code to}: the handover line has been heard. */
    record Transfer(PhoneNumber to) implements FollowUp {
        public Transfer {
            Objects.requireNonNull(to, "to");
        }
    }
}
