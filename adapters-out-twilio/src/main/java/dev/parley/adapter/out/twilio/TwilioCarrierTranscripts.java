package dev.parley.adapter.out.twilio;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.intelligence.v2.Transcript;
import com.twilio.rest.intelligence.v2.transcript.Sentence;
import dev.parley.application.transcript.port.out.CarrierSentence;
import dev.parley.application.transcript.port.out.CarrierTranscript;
import dev.parley.application.transcript.port.out.CarrierTranscripts;
import dev.parley.application.transcript.port.out.CarrierWord;
import dev.parley.application.transcript.port.out.TranscriptionUnavailableException;
import dev.parley.domain.transcript.ChannelRoles;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link CarrierTranscripts} on Twilio Voice Intelligence v2 through the SDK: {@code POST /v2/Transcripts}
 * with a {@code Channel} JSON naming the recording (or media URL) and which channel is the agent and
 * which the customer; {@code GET /v2/Transcripts/{sid}} and its {@code Sentences} (all pages, word
 * timestamps, unredacted). SDK exceptions stay in here.
 */
@Singleton
class TwilioCarrierTranscripts implements CarrierTranscripts {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioCarrierTranscripts.class);
    private final TwilioRestClient client;
    private final TwilioProperties properties;

    TwilioCarrierTranscripts(TwilioRestClient client, TwilioProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public String createFromRecording(String serviceSid, String recordingSid, ChannelRoles roles, String customerKey) {
        return create(serviceSid, channel("source_sid", recordingSid, roles), customerKey);
    }

    @Override
    public String createFromMediaUrl(String serviceSid, String mediaUrl, ChannelRoles roles, String customerKey) {
        return create(serviceSid, channel("media_url", mediaUrl, roles), customerKey);
    }

    private String create(String serviceSid, Map<String, Object> channel, String customerKey) {
        requireConfigured();
        try {
            var creator = Transcript.creator(serviceSid, channel);
            if (customerKey != null && !customerKey.isBlank())
                creator.setCustomerKey(customerKey.length() > 64 ? customerKey.substring(0, 64) : customerKey);
            String sid = creator.create(client).getSid();
            LOG.info("Voice Intelligence transcript {} requested", sid);
            return sid;
        } catch (TwilioException e) {
            throw unavailable("create a transcript", e);
        }
    }

    /** The {@code Channel} parameter: media source plus the two participants on their channels. */
    static Map<String, Object> channel(String sourceKey, String source, ChannelRoles roles) {
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("channel_participant", roles.agentChannel());
        agent.put("role", "Agent");
        agent.put("full_name", "AI Agent");
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("channel_participant", roles.customerChannel());
        customer.put("role", "Customer");
        customer.put("full_name", "Customer");
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("media_properties", Map.of(sourceKey, source));
        channel.put("participants", List.of(agent, customer));
        return channel;
    }

    @Override
    public Optional<CarrierTranscript> fetch(String transcriptSid) {
        requireConfigured();
        try {
            Transcript t = Transcript.fetcher(transcriptSid).fetch(client);
            String status = t.getStatus() == null ? "" : t.getStatus().toString();
            List<CarrierSentence> sentences = new ArrayList<>();
            if ("completed".equalsIgnoreCase(status)) {
                for (Sentence s : Sentence.reader(transcriptSid).setRedacted(false).setWordTimestamps(true).setPageSize(5000L).read(client))
                    sentences.add(new CarrierSentence(s.getMediaChannel() == null ? 0 : s.getMediaChannel(),
                            s.getSentenceIndex() == null ? sentences.size() : s.getSentenceIndex(), s.getStartTime(), s.getEndTime(),
                            s.getTranscript(), s.getSid(), s.getConfidence(), words(s.getWords())));
            }
            return Optional.of(new CarrierTranscript(t.getSid(), t.getAccountSid(), t.getServiceSid(), status, iso(t.getDateCreated()),
                    iso(t.getDateUpdated()), t.getDuration() == null ? 0 : t.getDuration(), t.getLanguageCode(), t.getCustomerKey(),
                    callSid(t.getChannel()), sentences));
        } catch (ApiException e) {
            if (e.getStatusCode() != null && e.getStatusCode() == 404) return Optional.empty();
            throw unavailable("fetch a transcript", e);
        } catch (TwilioException e) {
            throw unavailable("fetch a transcript", e);
        }
    }

    @Override
    public void delete(String transcriptSid) {
        requireConfigured();
        try {
            Transcript.deleter(transcriptSid).delete(client);
        } catch (ApiException e) {
            if (e.getStatusCode() == null || e.getStatusCode() != 404) throw unavailable("delete a transcript", e);
        } catch (TwilioException e) {
            throw unavailable("delete a transcript", e);
        }
    }

    private void requireConfigured() {
        if (!properties.isConfigured())
            throw TranscriptionUnavailableException.notConfigured("Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)");
    }

    private static TranscriptionUnavailableException unavailable(String what, TwilioException e) {
        LOG.warn("Twilio Voice Intelligence could not {}: {}", what, e.getClass().getSimpleName());
        return new TranscriptionUnavailableException("Twilio Voice Intelligence could not " + what, false, e);
    }

    private static String iso(ZonedDateTime time) {
        return time == null ? "" : time.toInstant().toString();
    }

    /** {@code channel.media_properties.reference_sids.call_sid}, when Twilio says which call the recording is of. */
    static String callSid(Object channel) {
        if (channel instanceof Map<?, ?> c && c.get("media_properties") instanceof Map<?, ?> media
                && media.get("reference_sids") instanceof Map<?, ?> refs && refs.get("call_sid") instanceof String sid) return sid;
        return "";
    }

    private static List<CarrierWord> words(List<Object> words) {
        if (words == null) return List.of();
        List<CarrierWord> out = new ArrayList<>();
        for (Object w : words) {
            if (w instanceof Map<?, ?> m)
                out.add(new CarrierWord(text(m.get("word")), text(m.get("start_time")), text(m.get("end_time"))));
        }
        return out;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
