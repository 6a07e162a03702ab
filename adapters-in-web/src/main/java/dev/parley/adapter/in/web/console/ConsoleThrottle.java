package dev.parley.adapter.in.web.console;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.domain.shared.TenantId;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Limits the console messages that cost a paid model call: {@code agent_message} (speech synthesis)
 * and {@code audio_data} (transcription). Each kind has a budget per console socket and a larger one
 * per tenant (all of its consoles together), in messages per minute (Bucket4j token buckets, per
 * instance). Over budget, the message is answered in the protocol with a {@code telephony_error} that
 * says when to retry, and no paid call is made.
 */
@Singleton
final class ConsoleThrottle {
    enum Kind { SPEECH, TRANSCRIPTION }

    private final int perConsole;
    private final int perTenant;
    private final Cache<String, Bucket> tenants = Caffeine.newBuilder().expireAfterAccess(2, TimeUnit.MINUTES)
            .maximumSize(100_000).build();

    ConsoleThrottle(@Value("${parley.console.paid-messages-per-minute-per-console:30}") int perConsole,
                    @Value("${parley.console.paid-messages-per-minute-per-tenant:120}") int perTenant) {
        this.perConsole = perConsole;
        this.perTenant = perTenant;
    }

    /** A console's own buckets, one per kind; kept with the console and gone with it. */
    Bucket[] newConsoleBuckets() {
        return new Bucket[]{bucket(perConsole), bucket(perConsole)};
    }

    /** Empty when the message may go on (one token of each budget spent), else the seconds to wait. */
    OptionalLong tryAcquire(Bucket[] consoleBuckets, TenantId tenant, Kind kind) {
        Bucket console = consoleBuckets[kind.ordinal()];
        ConsumptionProbe own = console.tryConsumeAndReturnRemaining(1);
        if (!own.isConsumed()) return OptionalLong.of(seconds(own));
        Bucket shared = tenants.get(kind + "|" + tenant.value(), k -> bucket(perTenant));
        ConsumptionProbe all = shared.tryConsumeAndReturnRemaining(1);
        if (all.isConsumed()) return OptionalLong.empty();
        console.addTokens(1); // not spent after all
        return OptionalLong.of(seconds(all));
    }

    String describe(Kind kind) {
        return (kind == Kind.SPEECH ? "agent_message" : "audio_data") + " is limited to " + perConsole
                + " a minute per console and " + perTenant + " a minute per account";
    }

    private static Bucket bucket(int perMinute) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    private static long seconds(ConsumptionProbe probe) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
    }
}
