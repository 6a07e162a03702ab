package dev.parley.adapter.in.web.transcript;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Size;

/** Request bodies of the transcript endpoints. */
final class TranscriptRequests {
    private TranscriptRequests() {
    }

    /** Optional body of {@code POST /store-transcript/{sid}} and the enhanced import. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record StoreTranscriptRequest(@Nullable @Size(max = 100) String scenarioName, @Nullable String callDirection) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record MediaUrlRequest(@Nullable String mediaUrl, @Nullable String callDirection, @Nullable @Size(max = 100) String scenarioName) {
    }
}
