package dev.parley.application.fakes;

import dev.parley.application.transcript.port.out.CarrierTranscript;
import dev.parley.application.transcript.port.out.CarrierTranscripts;
import dev.parley.domain.transcript.ChannelRoles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A carrier that remembers what it was asked and serves the transcripts a test puts in. */
public final class FakeCarrierTranscripts implements CarrierTranscripts {
    public record Created(String sid, String serviceSid, String source, ChannelRoles roles, String customerKey) {
    }

    public final List<Created> created = new ArrayList<>();
    public final List<String> deleted = new ArrayList<>();
    public final Map<String, CarrierTranscript> transcripts = new ConcurrentHashMap<>();
    public final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public synchronized String createFromRecording(String serviceSid, String recordingSid, ChannelRoles roles, String customerKey) {
        String sid = String.format("GT%032d", next.incrementAndGet());
        created.add(new Created(sid, serviceSid, recordingSid, roles, customerKey));
        return sid;
    }

    @Override
    public synchronized String createFromMediaUrl(String serviceSid, String mediaUrl, ChannelRoles roles, String customerKey) {
        String sid = String.format("GT%032d", next.incrementAndGet());
        created.add(new Created(sid, serviceSid, mediaUrl, roles, customerKey));
        return sid;
    }

    @Override
    public Optional<CarrierTranscript> fetch(String transcriptSid) {
        fetches.incrementAndGet();
        return Optional.ofNullable(transcripts.get(transcriptSid));
    }

    @Override
    public synchronized void delete(String transcriptSid) {
        deleted.add(transcriptSid);
        transcripts.remove(transcriptSid);
    }
}
