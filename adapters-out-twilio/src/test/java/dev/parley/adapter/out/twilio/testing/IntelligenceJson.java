package dev.parley.adapter.out.twilio.testing;

import java.util.List;
import java.util.stream.Collectors;

/** Voice Intelligence v2 answers as Twilio writes them, for the stand-in. */
public final class IntelligenceJson {
    private IntelligenceJson() {
    }

    /** One sentence; times and confidence as strings, like the current API. */
    public record SentenceJson(int channel, int index, String text, String start, String end, String confidence) {
        String json(String transcriptSid) {
            return "{\"media_channel\":" + channel + ",\"sentence_index\":" + index + ",\"start_time\":\"" + start
                    + "\",\"end_time\":\"" + end + "\",\"transcript\":\"" + text.replace("\"", "\\\"") + "\",\"sid\":\"GX"
                    + String.format("%032d", index) + "\",\"confidence\":\"" + confidence + "\",\"words\":[{\"word\":\""
                    + text.split(" ")[0].replace("\"", "") + "\",\"start_time\":\"" + start + "\",\"end_time\":\"" + end
                    + "\"}],\"account_sid\":\"ACtest\",\"transcript_sid\":\"" + transcriptSid + "\"}";
        }
    }

    public static String transcript(String sid, String serviceSid, String status, String customerKey, String callSid, int duration) {
        return "{\"account_sid\":\"ACtest\",\"service_sid\":\"" + serviceSid + "\",\"sid\":\"" + sid + "\","
                + "\"date_created\":\"2026-03-01T11:00:00Z\",\"date_updated\":\"2026-03-01T11:02:00Z\",\"status\":\"" + status + "\","
                + "\"channel\":{\"media_properties\":{\"source_sid\":\"RE1\",\"reference_sids\":{\"call_sid\":\"" + callSid + "\"}}},"
                + "\"data_logging\":false,\"language_code\":\"en-US\",\"customer_key\":\"" + customerKey + "\","
                + "\"media_start_time\":null,\"duration\":" + duration + ",\"url\":\"https://intelligence.twilio.com/v2/Transcripts/" + sid
                + "\",\"redaction\":true,\"encryption_credential_sid\":null,\"links\":{\"sentences\":"
                + "\"https://intelligence.twilio.com/v2/Transcripts/" + sid + "/Sentences\"}}";
    }

    public static String sentences(String transcriptSid, List<SentenceJson> sentences) {
        String url = "https://intelligence.twilio.com/v2/Transcripts/" + transcriptSid + "/Sentences?PageSize=5000&Page=0";
        return "{\"sentences\":[" + sentences.stream().map(s -> s.json(transcriptSid)).collect(Collectors.joining(","))
                + "],\"meta\":{\"page\":0,\"page_size\":5000,\"first_page_url\":\"" + url + "\",\"previous_page_url\":null,"
                + "\"url\":\"" + url + "\",\"next_page_url\":null,\"key\":\"sentences\"}}";
    }
}
