package dev.parley.application.conversation.port.in;

/** How the live calls on this instance are doing. */
public interface MonitorLiveCallsUseCase {
    LiveCallStats stats();

    /** @param malformedCarrierFrames frames from the carrier skipped as unreadable; {@code malformedModelEvents} likewise from the model */
    record LiveCallStats(int active, long opened, long malformedCarrierFrames, long malformedModelEvents, long modelFailures) {
    }
}
