package dev.parley.adapter.out.persistence.transcript;

import dev.parley.adapter.out.persistence.testing.PostgresRequirement;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.transcript.port.out.EnhancedTranscripts;
import dev.parley.application.transcript.port.out.TranscriptFilter;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.call.CallDirection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * List and search latency of enhanced transcripts on PostgreSQL: 100,000 transcripts in the
 * database, 10,000 of them one tenant's, through the real adapter (page query plus count).
 * Off by default; run it with
 * {@code ./mvnw -B -pl adapters-out-persistence -am verify -Dparley.benchmark=true -Dtest=TranscriptListBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dparley.test.postgres.url=jdbc:postgresql://127.0.0.1:5432/<db>}
 * (the database's schema is wiped). Figures go to stdout and target/transcript-benchmark.txt.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "parley.benchmark", matches = "true")
@MicronautTest(transactional = false)
class TranscriptListBenchmark {
    static final int TOTAL = 100_000, TENANTS = 10, PER_TENANT = TOTAL / TENANTS, ROUNDS = 400;
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    @Inject
    EnhancedTranscripts transcripts;

    @Test
    void listAndSearchLatency() throws Exception {
        Assumptions.assumeTrue(PostgresRequirement.isPostgresRun(), "the benchmark runs on PostgreSQL only");
        long[] tenants = seed();
        TenantId big = new TenantId(tenants[0]);
        Random random = new Random(7);
        List<String> report = new ArrayList<>();
        report.add("rows=" + TOTAL + " tenants=" + TENANTS + " rows_of_measured_tenant=" + PER_TENANT + " rounds=" + ROUNDS);
        report.add(measure("list first page (limit 50)", i -> filter(null, ""), i -> new PageRequest(0, 50), big));
        report.add(measure("list random page (skip 0..5000, limit 50)", i -> filter(null, ""),
                i -> new PageRequest(random.nextInt(100) * 50, 50), big));
        report.add(measure("list filtered call_direction=inbound", i -> filter(CallDirection.INBOUND, ""), i -> new PageRequest(0, 50), big));
        report.add(measure("search q=appointment (common word)", i -> filter(null, "appointment"), i -> new PageRequest(0, 50), big));
        report.add(measure("search q='refund invoice' (two words)", i -> filter(null, "refund invoice"), i -> new PageRequest(0, 50), big));
        report.add(measure("search q=<rare word>", i -> filter(null, "zebra" + (i % 50)), i -> new PageRequest(0, 50), big));
        report.forEach(line -> System.out.println("[benchmark] " + line));
        try {
            Files.write(Path.of("target", "transcript-benchmark.txt"), report);
        } catch (IOException ignored) {
            // stdout has the figures
        }
        assertThat(transcripts.list(big, TranscriptFilter.none(), new PageRequest(0, 1)).total()).isEqualTo(PER_TENANT);
    }

    private static TranscriptFilter filter(CallDirection direction, String q) {
        return new TranscriptFilter(Optional.ofNullable(direction), "", q);
    }

    private String measure(String name, IntFunction<TranscriptFilter> filter, IntFunction<PageRequest> page, TenantId tenant) {
        for (int i = 0; i < 50; i++) transcripts.list(tenant, filter.apply(i), page.apply(i)); // warm-up
        long[] nanos = new long[ROUNDS];
        long hits = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            hits += transcripts.list(tenant, filter.apply(i), page.apply(i)).total();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return String.format("%-45s p50=%6.2f ms  p95=%6.2f ms  p99=%6.2f ms  max=%6.2f ms  (avg matches %d)", name,
                nanos[ROUNDS / 2] / 1e6, nanos[(int) (ROUNDS * 0.95)] / 1e6, nanos[(int) (ROUNDS * 0.99)] / 1e6,
                nanos[ROUNDS - 1] / 1e6, hits / ROUNDS);
    }

    /** 100,000 transcripts over 10 tenants, in multi-row batches; answers the tenant ids. */
    private long[] seed() throws Exception {
        Random random = new Random(42);
        String[] vocabulary = new String[3000];
        String syllables = "ka,lo,mi,ne,ru,ta,shi,po,de,va,qui,zo,fe,gu,bi,ha";
        String[] s = syllables.split(",");
        for (int i = 0; i < vocabulary.length; i++) vocabulary[i] = s[i % 16] + s[(i / 16) % 16] + s[(i / 256) % 16] + (i % 7 == 0 ? "n" : "");
        String[] topics = {"appointment", "invoice", "refund", "delivery", "booking", "password", "schedule", "insurance"};
        long[] tenants = new long[TENANTS];
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(PostgresRequirement.jdbcUrl(), "postgres", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement user = c.prepareStatement("INSERT INTO users (id, email, hashed_password, is_active, is_admin, created_at) "
                    + "VALUES (nextval('users_id_seq'), ?, 'x', TRUE, FALSE, now()) RETURNING id")) {
                for (int t = 0; t < TENANTS; t++) {
                    user.setString(1, "bench-" + t + "-" + System.nanoTime() + "@example.com");
                    try (var rs = user.executeQuery()) {
                        rs.next();
                        tenants[t] = rs.getLong(1);
                    }
                }
            }
            int batch = 500;
            StringBuilder sql = new StringBuilder("INSERT INTO enhanced_transcripts (id, tenant_id, transcript_sid, call_sid, call_date, "
                    + "duration, call_direction, scenario_name, participant_count, conversation_turns, total_words, speakers, sentences, "
                    + "full_text, created_at) VALUES ");
            for (int i = 0; i < batch; i++)
                sql.append(i == 0 ? "" : ",").append("(nextval('enhanced_transcripts_id_seq'),?,?,?,?,?,?,?,2,?,?,'1:agent,2:customer','[]',?,?)");
            try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
                for (int row = 0; row < TOTAL; row += batch) {
                    int p = 1;
                    for (int i = 0; i < batch; i++) {
                        int n = row + i;
                        StringBuilder text = new StringBuilder();
                        int words = 40 + random.nextInt(80);
                        for (int w = 0; w < words; w++) {
                            if (w > 0) text.append(w % 12 == 0 ? ". " : " ");
                            int pick = random.nextInt(100);
                            text.append(pick < 3 ? topics[random.nextInt(topics.length)]
                                    : pick < 4 && random.nextInt(40) == 0 ? "zebra" + random.nextInt(50)
                                    : vocabulary[random.nextInt(vocabulary.length)]);
                        }
                        Timestamp date = Timestamp.from(START.plusSeconds(n * 60L));
                        insert.setLong(p++, tenants[n % TENANTS]);
                        insert.setString(p++, String.format("GT%032d", n));
                        insert.setString(p++, String.format("CA%032d", n));
                        insert.setTimestamp(p++, date);
                        insert.setLong(p++, 30 + random.nextInt(600));
                        insert.setString(p++, random.nextBoolean() ? "inbound" : "outbound");
                        insert.setString(p++, random.nextBoolean() ? "sales" : "support");
                        insert.setInt(p++, 1 + words / 12);
                        insert.setInt(p++, words);
                        insert.setString(p++, text.toString());
                        insert.setTimestamp(p++, date);
                    }
                    insert.executeUpdate();
                    if ((row / batch) % 20 == 19) c.commit();
                }
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE enhanced_transcripts");
            }
            c.commit();
        }
        System.out.printf("[benchmark] seeded %d transcripts in %.1f s%n", TOTAL, (System.nanoTime() - t0) / 1e9);
        return tenants;
    }
}
