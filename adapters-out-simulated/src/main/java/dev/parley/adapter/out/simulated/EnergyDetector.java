package dev.parley.adapter.out.simulated;

import dev.parley.domain.call.MuLaw;

/**
 * Voice activity by energy, frame by frame: speech starts after {@code startFrames} loud frames in a
 * row and stops after {@code stopFrames} quiet ones. A frame is loud when the root mean square of its
 * decoded samples reaches {@code threshold} (16-bit scale). Not thread-safe: one per conversation.
 */
final class EnergyDetector {
    /** What a frame changed. */
    enum Change { NONE, STARTED, STOPPED }

    private final double threshold;
    private final int startFrames;
    private final int stopFrames;
    private boolean speaking;
    private int loudRun;
    private int quietRun;

    EnergyDetector(double threshold, int startFrames, int stopFrames) {
        if (threshold <= 0 || startFrames < 1 || stopFrames < 1) throw new IllegalArgumentException("Detector settings must be positive");
        this.threshold = threshold;
        this.startFrames = startFrames;
        this.stopFrames = stopFrames;
    }

    Change frame(byte[] mulaw, int offset, int length) {
        boolean loud = length > 0 && rms(mulaw, offset, length) >= threshold;
        if (loud) {
            loudRun++;
            quietRun = 0;
            if (!speaking && loudRun >= startFrames) {
                speaking = true;
                return Change.STARTED;
            }
        } else {
            quietRun++;
            loudRun = 0;
            if (speaking && quietRun >= stopFrames) {
                speaking = false;
                return Change.STOPPED;
            }
        }
        return Change.NONE;
    }

    boolean speaking() {
        return speaking;
    }

    /** Loud frames in a row that led to a start (they belong to the speech). */
    int startFrames() {
        return startFrames;
    }

    /** Quiet frames in a row that led to a stop (they follow the speech). */
    int stopFrames() {
        return stopFrames;
    }

    static double rms(byte[] mulaw, int offset, int length) {
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            double s = MuLaw.decode(mulaw[i]);
            sum += s * s;
        }
        return Math.sqrt(sum / length);
    }
}
