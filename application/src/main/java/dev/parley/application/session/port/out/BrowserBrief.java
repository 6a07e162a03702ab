package dev.parley.application.session.port.out;

import dev.parley.application.conversation.port.out.ConversationBrief;

/** How a browser session is briefed: exactly as a phone call of the same scenario (or organization) would be. */
public record BrowserBrief(String scenarioRef, ConversationBrief conversation) {
}
