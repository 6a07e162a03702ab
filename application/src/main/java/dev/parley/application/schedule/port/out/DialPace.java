package dev.parley.application.schedule.port.out;

/** The carrier's calls-per-second budget, shared by every instance: each dial from a schedule takes a turn. */
public interface DialPace {
    /** Blocks until this caller may dial. */
    void awaitTurn() throws InterruptedException;
}
