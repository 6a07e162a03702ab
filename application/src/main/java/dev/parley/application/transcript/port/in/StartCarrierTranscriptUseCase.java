package dev.parley.application.transcript.port.in;

/** A call's recording is finished: has the carrier transcribe it, for the call's tenant. */
public interface StartCarrierTranscriptUseCase {
    RecordingOutcome recordingCompleted(RecordingCompleted event);

    /** What the carrier's recording callback said. */
    record RecordingCompleted(String callSid, String recordingSid, String recordingStatus) {
    }

    sealed interface RecordingOutcome {
        record Started(String transcriptSid) implements RecordingOutcome {
        }

        record AlreadyStarted(String transcriptSid) implements RecordingOutcome {
        }

        record Skipped(String reason) implements RecordingOutcome {
        }
    }
}
