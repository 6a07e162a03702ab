package dev.parley.adapter.in.web.transcript;

import dev.parley.adapter.in.web.problem.ProblemResponse;
import dev.parley.adapter.in.web.problem.Problems;
import dev.parley.application.transcript.port.out.TranscriptionUnavailableException;
import dev.parley.domain.transcript.AudioTooLargeException;
import dev.parley.domain.transcript.UnsupportedAudioTypeException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Transcription-specific answers: upload too large 413, wrong format 415, service not configured 503 or failing 502. */
final class TranscriptionProblemHandlers {
    private TranscriptionProblemHandlers() {
    }

    @Produces
    @Singleton
    static final class TooLarge implements ExceptionHandler<AudioTooLargeException, HttpResponse<ProblemResponse>> {
        @Override
        public HttpResponse<ProblemResponse> handle(HttpRequest request, AudioTooLargeException e) {
            return Problems.response(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getMessage(), e.code());
        }
    }

    @Produces
    @Singleton
    static final class UnsupportedType implements ExceptionHandler<UnsupportedAudioTypeException, HttpResponse<ProblemResponse>> {
        @Override
        public HttpResponse<ProblemResponse> handle(HttpRequest request, UnsupportedAudioTypeException e) {
            return Problems.response(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), e.code());
        }
    }

    @Produces
    @Singleton
    static final class Unavailable implements ExceptionHandler<TranscriptionUnavailableException, HttpResponse<ProblemResponse>> {
        @Override
        public HttpResponse<ProblemResponse> handle(HttpRequest request, TranscriptionUnavailableException e) {
            HttpStatus status = e.isNotConfigured() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
            // not a fault of ours: the message names the service, never its answer or the data sent
            return HttpResponse.<ProblemResponse>status(status).contentType(Problems.CONTENT_TYPE)
                    .body(ProblemResponse.of(status.getCode(), status.getReason(), e.getMessage(),
                            e.isNotConfigured() ? "transcription.not-configured" : "transcription.unavailable", request.getPath()));
        }
    }
}
