package dev.parley.adapter.out.persistence.transcript;

import dev.parley.application.transcript.port.out.CarrierSentence;
import dev.parley.application.transcript.port.out.CarrierWord;
import dev.parley.domain.transcript.TranscriptSentence;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON kept in TEXT columns: Twilio's sentence objects as sent, and our normalised sentences. */
@Singleton
class TranscriptJson {
    @Serdeable(naming = SnakeCaseStrategy.class)
    record TwilioWord(String word, String startTime, String endTime) {
    }

    /** A Voice Intelligence sentence with Twilio's field names and string-typed numbers, as the API sends them. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record TwilioSentence(int mediaChannel, int sentenceIndex, String startTime, String endTime, String transcript, String sid,
                          String confidence, List<TwilioWord> words) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Sentence(int channel, int index, String text, double start, double end, @Nullable Double confidence) {
    }

    private final JsonMapper json;

    TranscriptJson(JsonMapper json) {
        this.json = json;
    }

    String twilioSentences(List<CarrierSentence> sentences) {
        return write(sentences.stream().map(s -> new TwilioSentence(s.mediaChannel(), s.sentenceIndex(), s.startTime(), s.endTime(),
                s.transcript(), s.sid(), s.confidence(),
                s.words().stream().map(w -> new TwilioWord(w.word(), w.startTime(), w.endTime())).toList())).toList());
    }

    List<CarrierSentence> carrierSentences(String text) {
        return read(text, TwilioSentence.class).stream().map(s -> new CarrierSentence(s.mediaChannel(), s.sentenceIndex(),
                s.startTime(), s.endTime(), s.transcript(), s.sid(), s.confidence(),
                s.words() == null ? List.of() : s.words().stream().map(w -> new CarrierWord(w.word(), w.startTime(), w.endTime())).toList()))
                .toList();
    }

    String sentences(List<TranscriptSentence> sentences) {
        return write(sentences.stream().map(s -> new Sentence(s.channel(), s.index(), s.text(), s.startSeconds(), s.endSeconds(),
                s.hasConfidence() ? s.confidence() : null)).toList());
    }

    List<TranscriptSentence> domainSentences(String text) {
        return read(text, Sentence.class).stream().map(s -> new TranscriptSentence(s.channel(), s.index(), s.text(), s.start(), s.end(),
                s.confidence() == null ? Double.NaN : s.confidence())).toList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> List<T> read(String text, Class<T> type) {
        try {
            return json.readValue(text, Argument.listOf(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
