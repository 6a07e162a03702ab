package dev.parley.application.fakes;

import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.transcript.port.out.CarrierTranscript;
import dev.parley.application.transcript.port.out.EnhancedTranscriptListing;
import dev.parley.application.transcript.port.out.EnhancedTranscripts;
import dev.parley.application.transcript.port.out.StoredTranscripts;
import dev.parley.application.transcript.port.out.TranscriptAlreadyStoredException;
import dev.parley.application.transcript.port.out.TranscriptFilter;
import dev.parley.application.transcript.port.out.TranscriptRequests;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.transcript.EnhancedTranscript;
import dev.parley.domain.transcript.TranscriptAnalysis;
import dev.parley.domain.transcript.TranscriptSource;
import dev.parley.domain.transcript.TranscriptRequest;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** In-memory transcript repositories, unique by transcript id like the real ones. */
public final class InMemoryTranscriptStores {
    public final Requests requests = new Requests();
    public final Stored stored = new Stored();
    public final Enhanced enhanced = new Enhanced();

    private static <T> Page<T> page(List<T> all, PageRequest page) {
        return new Page<>(all.stream().skip(page.offset()).limit(page.limit()).toList(), page.offset(), page.limit(), all.size());
    }

    private static boolean matches(String text, String query) {
        if (query.isBlank()) return true;
        String t = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+")).allMatch(t::contains);
    }

    public static final class Requests implements TranscriptRequests {
        private final Map<String, TranscriptRequest> bySid = new ConcurrentHashMap<>();

        @Override
        public synchronized void add(TranscriptRequest request) {
            boolean recordingKnown = !request.recordingSid().isEmpty() && byRecordingSid(request.recordingSid()).isPresent();
            if (bySid.containsKey(request.transcriptSid()) || recordingKnown)
                throw new TranscriptAlreadyStoredException(request.transcriptSid(), null);
            bySid.put(request.transcriptSid(), request);
        }

        @Override
        public Optional<TranscriptRequest> bySid(String transcriptSid) {
            return Optional.ofNullable(bySid.get(transcriptSid));
        }

        @Override
        public Optional<TranscriptRequest> byRecordingSid(String recordingSid) {
            return bySid.values().stream().filter(r -> r.recordingSid().equals(recordingSid)).findFirst();
        }

        @Override
        public Optional<TranscriptRequest> find(TenantId tenant, String transcriptSid) {
            return bySid(transcriptSid).filter(r -> r.tenant().equals(tenant));
        }

        @Override
        public Page<TranscriptRequest> list(TenantId tenant, PageRequest page) {
            return page(bySid.values().stream().filter(r -> r.tenant().equals(tenant))
                    .sorted(Comparator.comparing(TranscriptRequest::createdAt).reversed()).toList(), page);
        }

        @Override
        public void remove(TenantId tenant, String transcriptSid) {
            find(tenant, transcriptSid).ifPresent(r -> bySid.remove(transcriptSid));
        }

        public int size() {
            return bySid.size();
        }
    }

    public static final class Stored implements StoredTranscripts {
        private record Entry(TenantId tenant, CarrierTranscript transcript, Instant storedAt) {
        }

        private final Map<String, Entry> bySid = new ConcurrentHashMap<>();

        @Override
        public boolean exists(String transcriptSid) {
            return bySid.containsKey(transcriptSid);
        }

        @Override
        public synchronized void add(TenantId tenant, CarrierTranscript transcript, String scenarioName, Instant storedAt) {
            if (bySid.putIfAbsent(transcript.sid(), new Entry(tenant, transcript, storedAt)) != null)
                throw new TranscriptAlreadyStoredException(transcript.sid(), null);
        }

        @Override
        public Optional<CarrierTranscript> find(TenantId tenant, String transcriptSid) {
            return Optional.ofNullable(bySid.get(transcriptSid)).filter(e -> e.tenant().equals(tenant)).map(Entry::transcript);
        }

        @Override
        public Page<CarrierTranscript> list(TenantId tenant, String query, PageRequest page) {
            return page(bySid.values().stream().filter(e -> e.tenant().equals(tenant))
                    .filter(e -> matches(e.transcript().fullText(), query))
                    .sorted(Comparator.comparing(Entry::storedAt).reversed()).map(Entry::transcript).toList(), page);
        }

        @Override
        public void remove(TenantId tenant, String transcriptSid) {
            find(tenant, transcriptSid).ifPresent(t -> bySid.remove(transcriptSid));
        }

        public int size() {
            return bySid.size();
        }
    }

    public static final class Enhanced implements EnhancedTranscripts {
        private final Map<String, EnhancedTranscript> bySid = new ConcurrentHashMap<>();

        @Override
        public synchronized void add(EnhancedTranscript transcript) {
            if (bySid.putIfAbsent(transcript.transcriptSid(), transcript) != null)
                throw new TranscriptAlreadyStoredException(transcript.transcriptSid(), null);
        }

        @Override
        public Optional<EnhancedTranscript> find(TenantId tenant, String transcriptSid) {
            return Optional.ofNullable(bySid.get(transcriptSid)).filter(t -> t.tenant().equals(tenant));
        }

        @Override
        public Page<EnhancedTranscriptListing> list(TenantId tenant, TranscriptFilter filter, PageRequest page) {
            Predicate<EnhancedTranscript> keep = t -> t.tenant().equals(tenant)
                    && filter.direction().map(d -> d == t.direction()).orElse(true)
                    && (filter.scenarioName().isEmpty() || filter.scenarioName().equalsIgnoreCase(t.scenarioName()))
                    && matches(t.analysis().fullText(), filter.query());
            List<EnhancedTranscriptListing> all = bySid.values().stream().filter(keep)
                    .sorted(Comparator.comparing(EnhancedTranscript::callDate).reversed())
                    .map(t -> {
                        TranscriptAnalysis a = t.analysis();
                        return new EnhancedTranscriptListing(0, t.transcriptSid(), t.callDate(), a.summary().totalDurationSeconds(),
                                t.direction(), t.scenarioName(), a.summary().participantCount(), a.summary().conversationTurns(),
                                a.summary().totalWords(), a.participants().stream()
                                .collect(Collectors.toMap(p -> p.channel(), p -> p.role())), TranscriptSource.INTELLIGENCE);
                    }).toList();
            return page(all, page);
        }

        @Override
        public void remove(TenantId tenant, String transcriptSid) {
            find(tenant, transcriptSid).ifPresent(t -> bySid.remove(transcriptSid));
        }

        public int size() {
            return bySid.size();
        }
    }
}
