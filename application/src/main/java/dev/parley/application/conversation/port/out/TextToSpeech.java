package dev.parley.application.conversation.port.out;

/** Turns a human agent's typed words into speech a phone line can carry. */
public interface TextToSpeech {
    /**
     * @param voice a voice name of the speech provider (e.g. {@code alloy})
     * @return G.711 μ-law, 8 kHz, mono: the payload format of a Twilio media stream
     * @throws SpeechSynthesisException when the provider refuses or cannot be reached
     */
    byte[] synthesize(String text, String voice);
}
