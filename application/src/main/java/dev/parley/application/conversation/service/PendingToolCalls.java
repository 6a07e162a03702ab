package dev.parley.application.conversation.service;

import dev.parley.application.conversation.port.out.ToolResult;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The tool calls of the model's current response, run together once the response is done (phone and browser calls
 * alike). Not thread-safe: the call's monitor guards it.
 */
final class PendingToolCalls {
    private record Pending(String callId, String name, String argumentsJson) {
    }

    private final List<Pending> pending = new ArrayList<>();

    /** A call without an id cannot be answered, so it is not kept; a missing name runs as an unknown tool. */
    void add(String callId, String name, String argumentsJson) {
        if (callId != null) pending.add(new Pending(callId, name == null ? "" : name, argumentsJson));
    }

    /** Runs every waiting call with {@code tools}; {@code done} gets each one's id and result. */
    void runAll(CallToolbox tools, BiConsumer<String, ToolResult> done) {
        List<Pending> due = List.copyOf(pending);
        pending.clear();
        for (Pending p : due) tools.run(p.name(), p.argumentsJson(), result -> done.accept(p.callId(), result));
    }
}
