package dev.parley.application.console.service;

import dev.parley.application.call.port.in.CallJournal;
import dev.parley.application.call.port.out.CallEvent;
import dev.parley.application.call.port.out.CallEvents;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.call.Speaker;

/**
 * Tells the consoles every line a live call journals (the bridge journals only what the caller
 * and the AI assistant say; a human agent's lines are stored and announced by the console service): the caller's recognised words as
 * customer transcripts, the assistant's own words as assistant lines. The line is stored first;
 * publishing never blocks (the bus is asynchronous).
 */
public final class PublishingCallJournal implements CallJournal {
    private final CallJournal journal;
    private final CallEvents events;
    private final String language;

    /** @param language what {@code detected_language} reports for recognised speech (the session's transcription language) */
    public PublishingCallJournal(CallJournal journal, CallEvents events, String language) {
        this.journal = journal;
        this.events = events;
        this.language = language;
    }

    @Override
    public boolean said(CallMessage line) {
        boolean queued = journal.said(line);
        String call = ConsoleService.key(line.call());
        CallEvent event = line.speaker() == Speaker.CUSTOMER
                ? new CallEvent.CustomerSpoke(line.tenant(), call, line.text(), line.isFinal(), line.confidence(), language, line.createdAt())
                : new CallEvent.AssistantSpoke(line.tenant(), call, line.text(), line.createdAt());
        events.publish(event);
        return queued;
    }

    @Override
    public boolean ended(CallId call, String reason) {
        return journal.ended(call, reason);
    }

    @Override
    public boolean measured(dev.parley.application.usage.port.in.MeasuredCall measured) {
        return journal.measured(measured);
    }
}
