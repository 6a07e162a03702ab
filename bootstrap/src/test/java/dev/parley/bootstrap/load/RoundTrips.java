package dev.parley.bootstrap.load;

/**
 * Round trips of the measuring window's frames and the counters around them. One instance per
 * caller event loop, touched only by that loop's thread; merged at the end. Histogram: 10 µs
 * buckets below 10 ms, 100 µs buckets from 10 ms to the 2 s deadline; a frame back later than that
 * counts as late (lost), not as a round trip.
 */
final class RoundTrips {
    static final long DEADLINE_NANOS = 2_000_000_000L;
    private static final long FINE_NANOS = 10_000;
    private static final int FINE_BUCKETS = 1_000;                // below 10 ms
    private static final long COARSE_NANOS = 100_000;
    private static final long FINE_LIMIT = FINE_NANOS * FINE_BUCKETS;
    private static final int BUCKETS = FINE_BUCKETS + (int) ((DEADLINE_NANOS - FINE_LIMIT) / COARSE_NANOS) + 1;

    private final long[] histogram = new long[BUCKETS];
    long sent;
    long received;
    long late;
    long unexpected;
    long closedEarly;
    long maxNanos;

    void record(long rtt) {
        if (rtt > DEADLINE_NANOS) {
            late++;
            return;
        }
        received++;
        if (rtt > maxNanos) maxNanos = rtt;
        long r = Math.max(0, rtt);
        histogram[r < FINE_LIMIT ? (int) (r / FINE_NANOS) : FINE_BUCKETS + (int) ((r - FINE_LIMIT) / COARSE_NANOS)]++;
    }

    RoundTrips copy() {
        RoundTrips c = new RoundTrips();
        c.add(this);
        return c;
    }

    void add(RoundTrips o) {
        for (int i = 0; i < BUCKETS; i++) histogram[i] += o.histogram[i];
        sent += o.sent;
        received += o.received;
        late += o.late;
        unexpected += o.unexpected;
        closedEarly += o.closedEarly;
        maxNanos = Math.max(maxNanos, o.maxNanos);
    }

    /** Upper edge of the bucket holding the p-quantile, in ms; the exact maximum for p = 1. */
    double percentileMillis(double p) {
        if (received == 0) return Double.NaN;
        if (p >= 1.0) return maxNanos / 1e6;
        long rank = Math.max(1, (long) Math.ceil(p * received));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += histogram[i];
            if (seen >= rank) {
                long upper = i < FINE_BUCKETS ? (i + 1) * FINE_NANOS : FINE_LIMIT + (i - FINE_BUCKETS + 1) * COARSE_NANOS;
                return Math.min(upper, maxNanos) / 1e6;
            }
        }
        return maxNanos / 1e6;
    }
}
