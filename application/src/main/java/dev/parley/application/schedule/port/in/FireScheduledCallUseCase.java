package dev.parley.application.schedule.port.in;

import dev.parley.domain.schedule.ScheduledCallId;

import java.time.Instant;

/** The scheduler's entry: a schedule's timer went off. Places it at most once. */
public interface FireScheduledCallUseCase {
    Outcome fire(ScheduledCallId id);

    /** What the timer does next. */
    sealed interface Outcome {
        /** Nothing more to do: placed, failed, missed, canceled or unknown. */
        record Done() implements Outcome {
        }

        /** Go off again at this time (a retry, or a schedule moved after its timer was taken). */
        record Again(Instant at) implements Outcome {
        }
    }
}
