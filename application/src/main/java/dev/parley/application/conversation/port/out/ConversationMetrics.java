package dev.parley.application.conversation.port.out;

/**
 * Where live calls report what operators watch: calls starting and ending, and how fast the assistant
 * answered each turn. Labels carry no tenant and no phone number. Called on the call's thread; must not block.
 */
public interface ConversationMetrics {
    /** Reports nothing. */
    ConversationMetrics NONE = new ConversationMetrics() {
        @Override
        public void callStarted(String direction) {
        }

        @Override
        public void callEnded(String reason) {
        }

        @Override
        public void turnAnswered(long latencyMs) {
        }
    };

    /** A media stream was bridged; {@code direction} is {@code inbound} or {@code outbound}. */
    void callStarted(String direction);

    /** A bridged call ended; {@code reason} is {@code normal} or the recorded end reason (a short fixed vocabulary). */
    void callEnded(String reason);

    /** The caller stopped speaking and the assistant's first audio went out {@code latencyMs} later. */
    void turnAnswered(long latencyMs);
}
