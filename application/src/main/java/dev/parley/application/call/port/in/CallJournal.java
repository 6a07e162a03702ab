package dev.parley.application.call.port.in;

import dev.parley.application.usage.port.in.MeasuredCall;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallMessage;

/**
 * Where live calls leave what must be stored, without waiting: lines said, why a call ended, what it used.
 * Entries go through a bounded queue and are written in batches, in order; nothing accepted is lost at shutdown.
 */
public interface CallJournal {
    /** False when the queue is full (the line is dropped and counted). */
    boolean said(CallMessage message);

    /** Notes why the live conversation ended abnormally (the first reason wins). */
    boolean ended(CallId call, String reason);

    /** Stores a bridged call's ledger (tokens, answer times, barge-ins) once its media stream ended. */
    boolean measured(MeasuredCall measured);
}
