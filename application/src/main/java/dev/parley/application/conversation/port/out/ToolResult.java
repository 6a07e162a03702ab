package dev.parley.application.conversation.port.out;

import dev.parley.application.shared.Json;
import dev.parley.domain.conversation.FollowUp;

import java.util.Objects;
import java.util.Optional;

/** What a tool answers the model; the model reads it as the function's output. */
public sealed interface ToolResult {
    /** The output JSON the model receives. */
    String json();

    /** Whether the model is asked to speak again once it has the result. */
    boolean respond();

    /** What happens to the call once everything the assistant has said so far has been heard. */
    default Optional<FollowUp> then() {
        return Optional.empty();
    }

    /** The tool did its work; the model speaks about {@code result}. */
    static ToolResult done(String result) {
        return new Done(result, null);
    }

    /**
     * The tool did its work and the call ends or moves on after what the assistant has already said
     * (its goodbye, its handover line): the model is not asked to speak again.
     */
    static ToolResult doneThen(String result, FollowUp then) {
        return new Done(result, Objects.requireNonNull(then, "then"));
    }

    /** The tool could not do it; the model is told why (in words it may pass on) and the call goes on. */
    static ToolResult failed(String error) {
        return new Failed(error);
    }

    /** @param followUp null when the call simply goes on */
    record Done(String result, FollowUp followUp) implements ToolResult {
        public Done {
            Objects.requireNonNull(result, "result");
        }

        @Override
        public String json() {
            return "{\"ok\":true,\"result\":" + Json.quote(result) + "}";
        }

        @Override
        public boolean respond() {
            return followUp == null;
        }

        @Override
        public Optional<FollowUp> then() {
            return Optional.ofNullable(followUp);
        }
    }

    record Failed(String error) implements ToolResult {
        public Failed {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public String json() {
            return "{\"ok\":false,\"error\":" + Json.quote(error) + "}";
        }

        @Override
        public boolean respond() {
            return true;
        }
    }
}
