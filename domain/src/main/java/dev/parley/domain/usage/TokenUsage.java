package dev.parley.domain.usage;

import dev.parley.domain.shared.InvalidValueException;

/**
 * Tokens the conversation model reported, summed over one or more responses. Cached input tokens are
 * part of the input tokens (the model bills them at the cached price instead of the full one).
 */
public record TokenUsage(long inputText, long inputAudio, long cachedInputText, long cachedInputAudio, long outputText,
                         long outputAudio) {
    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0, 0, 0);

    public TokenUsage {
        if (inputText < 0 || inputAudio < 0 || cachedInputText < 0 || cachedInputAudio < 0 || outputText < 0 || outputAudio < 0)
            throw new InvalidValueException("usage", "usage.negative", "Token counts cannot be negative");
        // a model that reports more cached tokens than input tokens is believed for the input, not for the discount
        cachedInputText = Math.min(cachedInputText, inputText);
        cachedInputAudio = Math.min(cachedInputAudio, inputAudio);
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(inputText + other.inputText, inputAudio + other.inputAudio, cachedInputText + other.cachedInputText,
                cachedInputAudio + other.cachedInputAudio, outputText + other.outputText, outputAudio + other.outputAudio);
    }

    public long input() {
        return inputText + inputAudio;
    }

    public long cachedInput() {
        return cachedInputText + cachedInputAudio;
    }

    public long output() {
        return outputText + outputAudio;
    }

    public long total() {
        return input() + output();
    }
}
