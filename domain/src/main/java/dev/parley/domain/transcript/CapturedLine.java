package dev.parley.domain.transcript;

/**
 * One line captured live on a call this server bridged.
 *
 * @param startSeconds offset from the start of the call's media stream
 * @param confidence   0..1 (1 when the text was not recognised from speech)
 */
public record CapturedLine(SpeakerRole speaker, String text, double startSeconds, double endSeconds, double confidence) {
}
