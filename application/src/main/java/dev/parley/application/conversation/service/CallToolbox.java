package dev.parley.application.conversation.service;

import dev.parley.application.conversation.port.out.CallTool;
import dev.parley.application.conversation.port.out.ConversationBrief;
import dev.parley.application.conversation.port.out.ToolContext;
import dev.parley.application.conversation.port.out.ToolResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The tools of one call: finds the one the model asks for and runs it so that it never holds the
 * call's thread (a tool that blocks runs on the blocking executor) and never ends the call (a tool
 * that throws, or is unknown, answers with an error the model can talk about).
 */
final class CallToolbox {
    private final Map<String, CallTool> byName = new LinkedHashMap<>();
    private final ToolContext context;
    private final Executor blocking;

    CallToolbox(List<CallTool> tools, ToolContext context, Executor blocking) {
        for (CallTool tool : tools) byName.putIfAbsent(tool.name(), tool);
        this.context = context;
        this.blocking = blocking;
    }

    /** The tools as the model is told about them. */
    List<ConversationBrief.Tool> brief() {
        return byName.values().stream()
                .map(t -> new ConversationBrief.Tool(t.name(), t.description(), t.parametersJsonSchema())).toList();
    }

    /** Runs tool {@code name} and hands its result to {@code done}: at once, or later from the blocking executor. */
    void run(String name, String argumentsJson, Consumer<ToolResult> done) {
        CallTool tool = byName.get(name);
        if (tool == null) {
            done.accept(ToolResult.failed("Unknown tool: " + name));
            return;
        }
        if (!tool.blocks()) {
            done.accept(safely(tool, argumentsJson));
            return;
        }
        try {
            blocking.execute(() -> done.accept(safely(tool, argumentsJson)));
        } catch (RejectedExecutionException busy) {
            done.accept(ToolResult.failed("The " + name + " tool is busy. Tell the caller it cannot be done right now."));
        }
    }

    private ToolResult safely(CallTool tool, String argumentsJson) {
        try {
            ToolResult result = tool.run(context, argumentsJson == null ? "{}" : argumentsJson);
            if (result != null) return result;
        } catch (RuntimeException failed) {
            // the model is told, the call goes on
        }
        return ToolResult.failed("The " + tool.name() + " tool failed. Tell the caller it cannot be done right now.");
    }
}
