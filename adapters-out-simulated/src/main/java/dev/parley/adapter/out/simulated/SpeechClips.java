package dev.parley.adapter.out.simulated;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The simulated assistant's recorded lines: 8 kHz μ-law clips committed next to this class, made once
 * with espeak-ng and sox (the README says how), and the words each one says.
 */
record SpeechClips(Line greeting, Line question, Line goodbye) {
    /** One thing the assistant says: its words (the transcript) and its audio (raw 8 kHz μ-law). */
    record Line(String text, byte[] audio) {
        Line {
            if (audio.length == 0) throw new IllegalArgumentException("A line needs audio");
        }

        long durationMs() {
            return audio.length / 8L;
        }
    }

    static final String GREETING = "Hello! This is the Parley simulated assistant. This call needs no API keys.";
    static final String QUESTION = "Do you have a moment to tell me what you need today?";
    static final String GOODBYE = "Thank you, that is all I wanted to know. Goodbye!";

    /** The clips shipped with the adapter. */
    static SpeechClips recorded() {
        return new SpeechClips(new Line(GREETING, load("greeting.ulaw")), new Line(QUESTION, load("question.ulaw")),
                new Line(GOODBYE, load("goodbye.ulaw")));
    }

    List<Line> script() {
        return List.of(greeting, question, goodbye);
    }

    private static byte[] load(String name) {
        try (InputStream in = SpeechClips.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("Speech clip " + name + " is missing from the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
