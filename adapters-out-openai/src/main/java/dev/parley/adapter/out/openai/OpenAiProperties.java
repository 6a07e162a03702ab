package dev.parley.adapter.out.openai;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** OpenAI settings: OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_REALTIME_URL, OPENAI_REALTIME_MODEL. */
@ConfigurationProperties("parley.openai")
record OpenAiProperties(@Bindable(defaultValue = "") String apiKey,
                        @Bindable(defaultValue = "https://api.openai.com/v1") String baseUrl,
                        @Bindable(defaultValue = "wss://api.openai.com/v1/realtime") String realtimeUrl,
                        @Bindable(defaultValue = "gpt-realtime") String realtimeModel) {

    boolean isConfigured() {
        return !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "OpenAiProperties[baseUrl=" + baseUrl + ", realtimeUrl=" + realtimeUrl + ", realtimeModel=" + realtimeModel + "]";
    }
}
