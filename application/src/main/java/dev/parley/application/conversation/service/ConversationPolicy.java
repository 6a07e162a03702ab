package dev.parley.application.conversation.service;

import dev.parley.domain.shared.PhoneNumber;

import java.util.Optional;

/**
 * Tunables of live calls.
 *
 * @param transferNumber where {@code transfer_to_human} sends the caller (TRANSFER_PHONE_NUMBER); null: no transfers
 * @param apology        what the caller hears when the model fails
 */
public record ConversationPolicy(PhoneNumber transferNumber, String apology, String transferAnnouncement) {
    public Optional<PhoneNumber> transferTo() {
        return Optional.ofNullable(transferNumber);
    }
}
