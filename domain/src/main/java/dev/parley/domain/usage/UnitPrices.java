package dev.parley.domain.usage;

import dev.parley.domain.shared.InvalidValueException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the platform pays, in US dollars: the conversation model per million tokens (text and audio,
 * input, cached input and output) and the carrier per started minute (inbound and outbound).
 */
public record UnitPrices(BigDecimal textInputPerMillion, BigDecimal cachedTextInputPerMillion, BigDecimal textOutputPerMillion,
                         BigDecimal audioInputPerMillion, BigDecimal cachedAudioInputPerMillion, BigDecimal audioOutputPerMillion,
                         BigDecimal inboundPerMinute, BigDecimal outboundPerMinute) {
    /** Dollars are kept to this many decimals (a hundredth of a cent is below one audio token's price). */
    public static final int SCALE = 6;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public UnitPrices {
        for (BigDecimal p : new BigDecimal[]{textInputPerMillion, cachedTextInputPerMillion, textOutputPerMillion, audioInputPerMillion,
                cachedAudioInputPerMillion, audioOutputPerMillion, inboundPerMinute, outboundPerMinute})
            if (p == null || p.signum() < 0) throw new InvalidValueException("prices", "prices.invalid", "Unit prices must be zero or more");
    }

    /** What the model's tokens cost: cached input at the cached price, the rest of the input at the full one. */
    public BigDecimal modelCost(TokenUsage t) {
        BigDecimal perMillion = textInputPerMillion.multiply(BigDecimal.valueOf(t.inputText() - t.cachedInputText()))
                .add(cachedTextInputPerMillion.multiply(BigDecimal.valueOf(t.cachedInputText())))
                .add(textOutputPerMillion.multiply(BigDecimal.valueOf(t.outputText())))
                .add(audioInputPerMillion.multiply(BigDecimal.valueOf(t.inputAudio() - t.cachedInputAudio())))
                .add(cachedAudioInputPerMillion.multiply(BigDecimal.valueOf(t.cachedInputAudio())))
                .add(audioOutputPerMillion.multiply(BigDecimal.valueOf(t.outputAudio())));
        return perMillion.divide(MILLION, SCALE, RoundingMode.HALF_UP);
    }

    /** What the carrier charges for {@code inboundMinutes} and {@code outboundMinutes} billed minutes. */
    public BigDecimal carrierCost(long inboundMinutes, long outboundMinutes) {
        return inboundPerMinute.multiply(BigDecimal.valueOf(inboundMinutes))
                .add(outboundPerMinute.multiply(BigDecimal.valueOf(outboundMinutes))).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** The carrier bills every started minute: 1 s is one minute, 60 s one, 61 s two; an unanswered call none. */
    public static long billedMinutes(long durationSeconds) {
        return durationSeconds <= 0 ? 0 : (durationSeconds + 59) / 60;
    }
}
