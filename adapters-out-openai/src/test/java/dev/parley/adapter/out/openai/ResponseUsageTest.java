package dev.parley.adapter.out.openai;

import dev.parley.domain.usage.TokenUsage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The usage block of response.done, as the Realtime API sends it. */
class ResponseUsageTest {
    @Test
    void textAudioAndCachedCountsAreReadFromTheDetails() {
        Map<String, Object> response = Map.of("id", "resp_1", "status", "completed", "usage", Map.of(
                "total_tokens", 821, "input_tokens", 789, "output_tokens", 32,
                "input_token_details", Map.of("text_tokens", 313, "audio_tokens", 476, "cached_tokens", 640,
                        "cached_tokens_details", Map.of("text_tokens", 256, "audio_tokens", 384)),
                "output_token_details", Map.of("text_tokens", 9, "audio_tokens", 23)));
        assertThat(OpenAiRealtimeSession.usage(response)).isEqualTo(new TokenUsage(313, 476, 256, 384, 9, 23));
    }

    @Test
    void aBareCachedCountIsTakenAsTextAndMissingDetailsFallBackToTheTotals() {
        Map<String, Object> response = Map.of("usage", Map.of("input_tokens", 120, "output_tokens", 40));
        assertThat(OpenAiRealtimeSession.usage(response)).isEqualTo(new TokenUsage(120, 0, 0, 0, 40, 0));
        Map<String, Object> cached = Map.of("usage", Map.of("input_token_details", Map.of("text_tokens", 100, "cached_tokens", 64),
                "output_token_details", Map.of("audio_tokens", 7)));
        assertThat(OpenAiRealtimeSession.usage(cached)).isEqualTo(new TokenUsage(100, 0, 64, 0, 0, 7));
    }

    @Test
    void aResponseWithoutUsageReportsNone() {
        assertThat(OpenAiRealtimeSession.usage(Map.of("id", "resp_1", "status", "cancelled"))).isNull();
        assertThat(OpenAiRealtimeSession.usage(null)).isNull();
        assertThat(OpenAiRealtimeSession.usage(Map.of("usage", "garbage"))).isNull();
    }
}
