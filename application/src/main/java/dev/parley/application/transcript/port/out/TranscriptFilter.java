package dev.parley.application.transcript.port.out;

import dev.parley.domain.call.CallDirection;

import java.util.Optional;

/** Narrows a transcript list; blank strings and an empty direction mean "any". */
public record TranscriptFilter(Optional<CallDirection> direction, String scenarioName, String query) {
    public TranscriptFilter {
        direction = direction == null ? Optional.empty() : direction;
        scenarioName = scenarioName == null ? "" : scenarioName.strip();
        query = query == null ? "" : query.strip();
    }

    public static TranscriptFilter none() {
        return new TranscriptFilter(Optional.empty(), "", "");
    }
}
