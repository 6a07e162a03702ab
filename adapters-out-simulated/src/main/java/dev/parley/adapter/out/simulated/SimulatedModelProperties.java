package dev.parley.adapter.out.simulated;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How the simulated assistant hears: a 20 ms frame whose RMS (16-bit scale) reaches
 * {@code speechThreshold} is loud; speech starts after {@code speechStartFrames} loud frames and stops
 * after {@code speechStopFrames} quiet ones; with no answer for {@code noAnswer} the script goes on.
 */
@ConfigurationProperties("parley.simulated")
record SimulatedModelProperties(@Bindable(defaultValue = "600") double speechThreshold,
                                @Bindable(defaultValue = "3") int speechStartFrames,
                                @Bindable(defaultValue = "25") int speechStopFrames,
                                @Bindable(defaultValue = "5s") Duration noAnswer) {
    static SimulatedModelProperties defaults() {
        return new SimulatedModelProperties(600, 3, 25, Duration.ofSeconds(5));
    }
}
