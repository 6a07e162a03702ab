package dev.parley.adapter.out.openai;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** Direct transcription settings: the model ({@code whisper-1}, {@code gpt-4o-transcribe}, …) and how long to wait. */
@ConfigurationProperties("parley.openai.transcription")
record OpenAiTranscriptionProperties(@Bindable(defaultValue = "whisper-1") String model,
                                     @Bindable(defaultValue = "120s") Duration timeout) {
}
