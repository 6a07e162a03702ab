package dev.parley.domain.scenario;

import dev.parley.domain.shared.InvalidValueException;

/** Sampling temperature of the conversation model; the Realtime API accepts 0.6 to 1.2. */
public record Temperature(double value) {
    public static final double MIN = 0.6;
    public static final double MAX = 1.2;
    public static final Temperature DEFAULT = new Temperature(0.8);

    public Temperature {
        if (Double.isNaN(value) || value < MIN || value > MAX)
            throw new InvalidValueException("temperature", "temperature.out-of-range",
                    "temperature must be between " + MIN + " and " + MAX + " (the range the Realtime API accepts)");
    }

    public static Temperature orDefault(Double value) {
        return value == null ? DEFAULT : new Temperature(value);
    }
}
