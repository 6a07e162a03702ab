package dev.parley.application.conversation.port.out;

import java.util.concurrent.Executor;

/** The carrier's media stream of one call, seen from the call: audio, marks and clears go back to the phone. Never blocks. */
public interface CarrierStream {
    /** Queues base64 μ-law audio for playback. */
    void sendAudio(String base64Payload);

    /** Asks to be told (through {@code markPlayed}) when the audio queued so far has played. */
    void sendMark(String name);

    /** Drops all audio not yet played. */
    void clear();

    /** Ends the stream (the carrier continues with the call's next instructions, if any). */
    void close();

    /**
     * The single thread this stream's frames arrive on, when it has one (an event loop). A model
     * connection run on the same thread hands no frame between threads. Null when there is none.
     */
    default Executor executor() {
        return null;
    }
}
