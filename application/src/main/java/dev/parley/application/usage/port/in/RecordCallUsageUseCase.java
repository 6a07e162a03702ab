package dev.parley.application.usage.port.in;

import java.util.List;

/** Stores bridged calls' ledgers; the call journal calls it inside its batch's transaction. */
public interface RecordCallUsageUseCase {
    void record(List<MeasuredCall> measured);
}
