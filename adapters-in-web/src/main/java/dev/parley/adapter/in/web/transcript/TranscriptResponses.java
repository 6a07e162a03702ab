package dev.parley.adapter.in.web.transcript;

import dev.parley.application.shared.Page;
import dev.parley.application.transcript.port.out.CarrierSentence;
import dev.parley.application.transcript.port.out.CarrierTranscript;
import dev.parley.application.transcript.port.out.EnhancedTranscriptListing;
import dev.parley.domain.transcript.EnhancedTranscript;
import dev.parley.domain.transcript.FlowEntry;
import dev.parley.domain.transcript.Participant;
import dev.parley.domain.transcript.SpeakerRole;
import dev.parley.domain.transcript.TranscriptAnalysis;
import dev.parley.domain.transcript.TranscriptRequest;
import dev.parley.domain.transcript.TranscriptSummary;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Response bodies of the transcript endpoints (seed 000 shapes, snake_case). */
final class TranscriptResponses {
    private TranscriptResponses() {
    }

    private static Double known(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static Double number(String value) {
        try {
            return value == null || value.isBlank() ? null : Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Speaker(int channel, String role, String name) {
        static Speaker of(int channel, SpeakerRole role) {
            return new Speaker(channel, role.value(), role.displayName());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RoleName(String role, String name) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ListSummary(String durationFormatted, Map<String, RoleName> participantInfo) {
    }

    /**
     * One item of {@code GET /api/enhanced-transcripts/}; {@code source} is {@code live} (captured
     * while this server bridged the call; the transcript id is the call SID) or {@code intelligence}.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EnhancedListItem(long id, String transcriptSid, Instant callDate, long duration, String callDirection,
                            @Nullable String scenarioName, int participantCount, int conversationTurns, int totalWords,
                            ListSummary summary, String source) {
        static EnhancedListItem from(EnhancedTranscriptListing l) {
            Map<String, RoleName> info = new TreeMap<>();
            l.speakers().forEach((channel, role) -> info.put(String.valueOf(channel), new RoleName(role.value(), role.displayName())));
            String formatted = new TranscriptSummary(l.durationSeconds(), 0, 0, 0, 0, Double.NaN).durationFormatted();
            return new EnhancedListItem(l.id(), l.transcriptSid(), l.callDate(), l.durationSeconds(), l.direction().wire(),
                    l.scenarioName().isEmpty() ? null : l.scenarioName(), l.participantCount(), l.conversationTurns(), l.totalWords(),
                    new ListSummary(formatted, info), l.source().value());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ParticipantInfo(int channel, String role, String name, double totalSpeakingTime, int wordCount, int sentenceCount) {
        static ParticipantInfo from(Participant p) {
            return new ParticipantInfo(p.channel(), p.role().value(), p.name(), p.speakingSeconds(), p.wordCount(), p.sentenceCount());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FlowItem(int sequence, Speaker speaker, String text, double startTime, double endTime, double duration,
                    @Nullable Double confidence, int wordCount) {
        static FlowItem from(FlowEntry f) {
            return new FlowItem(f.sequence(), Speaker.of(f.channel(), f.role()), f.text(), f.startSeconds(), f.endSeconds(),
                    f.durationSeconds(), known(f.confidence()), f.wordCount());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SummaryData(long totalDurationSeconds, String durationFormatted, int totalSentences, int totalWords, int participantCount,
                       int conversationTurns, @Nullable Double averageConfidence) {
        static SummaryData from(TranscriptSummary s) {
            return new SummaryData(s.totalDurationSeconds(), s.durationFormatted(), s.totalSentences(), s.totalWords(),
                    s.participantCount(), s.conversationTurns(), known(s.averageConfidence()));
        }
    }

    /** {@code GET /api/enhanced-transcripts/{transcript_sid}}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EnhancedDetail(String transcriptSid, @Nullable String callSid, String source, Instant callDate, long duration,
                          String callDirection, @Nullable String scenarioName, String fullText,
                          Map<String, ParticipantInfo> participantInfo, List<FlowItem> conversationFlow, SummaryData summaryData) {
        static EnhancedDetail from(EnhancedTranscript t) {
            TranscriptAnalysis a = t.analysis();
            Map<String, ParticipantInfo> participants = new TreeMap<>();
            a.participants().forEach(p -> participants.put(String.valueOf(p.channel()), ParticipantInfo.from(p)));
            boolean live = t.transcriptSid().equals(t.callSid()) && t.transcriptSid().startsWith("CA");
            return new EnhancedDetail(t.transcriptSid(), t.callSid().isEmpty() ? null : t.callSid(),
                    live ? "live_call" : "twilio_intelligence", t.callDate(), a.summary().totalDurationSeconds(), t.direction().wire(),
                    t.scenarioName().isEmpty() ? null : t.scenarioName(), a.fullText(), participants,
                    a.conversationFlow().stream().map(FlowItem::from).toList(), SummaryData.from(a.summary()));
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Word(String word, String startTime, String endTime) {
    }

    /**
     * A sentence in Twilio's format ({@code media_channel}, {@code sentence_index}, {@code transcript},
     * {@code sid}, {@code words}) with seed 000's names alongside ({@code text}, {@code speaker} = the
     * media channel); times and confidence as numbers.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SentenceJson(String text, int speaker, @Nullable Double startTime, @Nullable Double endTime, @Nullable Double confidence,
                        int mediaChannel, int sentenceIndex, String transcript, String sid, List<Word> words) {
        static SentenceJson from(CarrierSentence s) {
            return new SentenceJson(s.transcript(), s.mediaChannel(), number(s.startTime()), number(s.endTime()), number(s.confidence()),
                    s.mediaChannel(), s.sentenceIndex(), s.transcript(), s.sid(),
                    s.words().stream().map(w -> new Word(w.word(), w.startTime(), w.endTime())).toList());
        }
    }

    /** A transcript in Twilio's format (seed 000's stored-transcript response). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TwilioTranscriptJson(String sid, String accountSid, String serviceSid, String status, String dateCreated, String dateUpdated,
                                long duration, String languageCode, String customerKey, @Nullable String callSid,
                                List<SentenceJson> sentences) {
        static TwilioTranscriptJson from(CarrierTranscript t) {
            return new TwilioTranscriptJson(t.sid(), t.accountSid(), t.serviceSid(), t.status(), t.dateCreated(), t.dateUpdated(),
                    t.durationSeconds(), t.languageCode(), t.customerKey(), t.callSid().isEmpty() ? null : t.callSid(),
                    t.sentences().stream().map(SentenceJson::from).toList());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Meta(int page, int pageSize, long total, String key) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TwilioTranscriptPage(List<TwilioTranscriptJson> transcripts, Meta meta) {
        static TwilioTranscriptPage from(Page<CarrierTranscript> page) {
            return new TwilioTranscriptPage(page.items().stream().map(TwilioTranscriptJson::from).toList(),
                    new Meta(page.offset() / page.limit(), page.limit(), page.total(), "transcripts"));
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StoreResponse(String message, String transcriptSid, boolean alreadyStored) {
    }

    /** A transcript the tenant asked Twilio for ({@code /twilio-transcripts}). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TranscriptRequestJson(String sid, @Nullable String callSid, @Nullable String recordingSid, @Nullable String mediaUrl,
                                 String callDirection, @Nullable String scenarioName, Instant dateCreated) {
        static TranscriptRequestJson from(TranscriptRequest r) {
            return new TranscriptRequestJson(r.transcriptSid(), blankToNull(r.callSid()), blankToNull(r.recordingSid()),
                    blankToNull(r.mediaUrl()), r.direction().wire(), blankToNull(r.scenarioName()), r.createdAt());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TranscriptRequestPage(List<TranscriptRequestJson> transcripts, Meta meta) {
        static TranscriptRequestPage from(Page<TranscriptRequest> page) {
            return new TranscriptRequestPage(page.items().stream().map(TranscriptRequestJson::from).toList(),
                    new Meta(page.offset() / page.limit(), page.limit(), page.total(), "transcripts"));
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MessageResponse(String message) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TranscriptionResponse(String text, String filename, long sizeBytes) {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
