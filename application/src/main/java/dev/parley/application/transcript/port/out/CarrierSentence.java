package dev.parley.application.transcript.port.out;

import dev.parley.domain.transcript.TranscriptSentence;

import java.util.List;

/** One sentence exactly as the carrier reports it (times and confidence as the strings it sent; empty when absent). */
public record CarrierSentence(int mediaChannel, int sentenceIndex, String startTime, String endTime, String transcript,
                              String sid, String confidence, List<CarrierWord> words) {
    public CarrierSentence {
        startTime = startTime == null ? "" : startTime;
        endTime = endTime == null ? "" : endTime;
        transcript = transcript == null ? "" : transcript;
        sid = sid == null ? "" : sid;
        confidence = confidence == null ? "" : confidence;
        words = words == null ? List.of() : List.copyOf(words);
    }

    public TranscriptSentence toSentence() {
        return new TranscriptSentence(mediaChannel, sentenceIndex, transcript, number(startTime, 0), number(endTime, 0),
                number(confidence, Double.NaN));
    }

    static double number(String value, double otherwise) {
        try {
            return value.isBlank() ? otherwise : Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
