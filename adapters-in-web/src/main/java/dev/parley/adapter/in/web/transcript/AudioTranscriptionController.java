package dev.parley.adapter.in.web.transcript;

import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.adapter.in.web.transcript.TranscriptResponses.TranscriptionResponse;
import dev.parley.application.transcript.port.in.TranscribeAudioUseCase;
import dev.parley.domain.transcript.AudioTooLargeException;
import dev.parley.domain.transcript.AudioUpload;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Direct transcription of an uploaded audio file through OpenAI (Whisper or a gpt-4o transcribe model). */
@Controller("/whisper")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Transcripts")
class AudioTranscriptionController {
    private final TranscribeAudioUseCase transcribe;

    AudioTranscriptionController(TranscribeAudioUseCase transcribe) {
        this.transcribe = transcribe;
    }

    @Operation(summary = "Transcribe an audio file", description = "multipart/form-data: file (flac, m4a, mp3, mp4, mpeg, mpga, oga, "
            + "ogg, wav or webm; at most 25 MB) and optional language (ISO-639-1). Answers {text}. Too large: 413; other formats: 415.")
    @Post(value = "/transcribe", consumes = MediaType.MULTIPART_FORM_DATA)
    TranscriptionResponse transcribe(@Part("file") CompletedFileUpload file, @Nullable @Part("language") String language,
                                     Authentication authentication) {
        if (file.getSize() > AudioUpload.MAX_BYTES) throw new AudioTooLargeException(AudioUpload.MAX_BYTES);
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String contentType = file.getContentType().map(MediaType::toString).orElse("application/octet-stream");
        AudioUpload audio = new AudioUpload(file.getFilename(), contentType, content);
        String text = transcribe.transcribe(CurrentTenant.of(authentication), audio, language);
        return new TranscriptionResponse(text, file.getFilename(), content.length);
    }
}
