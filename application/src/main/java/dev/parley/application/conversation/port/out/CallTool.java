package dev.parley.application.conversation.port.out;

import dev.parley.application.scenario.port.in.CallScenario;

/**
 * Something the model may do during a call, offered to it as a function: a name, what it is for, the
 * JSON Schema of its arguments, and a handler. The tools a call gets are chosen per call (from its
 * scenario), so one instance may serve many calls at once: keep no per-call state in it.
 *
 * <p>A handler that blocks (a database, a vendor's API) says so with {@link #blocks()}; it then runs on
 * the blocking executor and its result is delivered when ready, never holding the call's thread (an
 * event loop). A handler that throws becomes an error result for the model and the call goes on.
 */
public interface CallTool {
    /** The function name the model calls, e.g. {@code end_call}. */
    String name();

    /** When and how to use it, in words the model reads. */
    String description();

    /** A JSON Schema object describing the arguments. */
    String parametersJsonSchema();

    /** Whether calls of this scenario get the tool; most tools are offered on every call. */
    default boolean offeredOn(CallScenario scenario) {
        return true;
    }

    /** True when {@link #run} does I/O or may be slow: it then runs on the blocking executor. */
    default boolean blocks() {
        return false;
    }

    /**
     * Carries the call out.
     *
     * @param call          which call asks, and its scenario
     * @param argumentsJson the model's arguments, a JSON object as sent (not validated against the schema)
     */
    ToolResult run(ToolContext call, String argumentsJson);
}
