package dev.parley.application.call.port.in;

/**
 * One line of what was said in a call, captured live.
 *
 * @param speaker      {@code agent} (the AI assistant or a human agent) or {@code customer}
 * @param startSeconds offset from the start of the call
 * @param confidence   0..1; 1 when the text was not recognised from speech (the assistant's own words)
 */
public record CallTranscriptLine(String speaker, String text, double startSeconds, double endSeconds, double confidence) {
}
