package dev.parley.adapter.out.persistence.transcript;

import dev.parley.adapter.out.persistence.testing.PostgresRequirement;
import dev.parley.application.call.port.out.CallMessageRepository;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.shared.Transactions;
import dev.parley.application.transcript.port.out.EnhancedTranscripts;
import dev.parley.application.transcript.port.out.TranscriptFilter;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.call.Speaker;
import dev.parley.domain.shared.PhoneNumber;
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
 * database, half Voice Intelligence transcripts and half calls bridged live (with their captured
 * lines), 10,000 of them one tenant's, through the real adapter (page query plus count).
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
    @Inject
    CallRepository calls;
    @Inject
    CallMessageRepository messages;
    @Inject
    Transactions transactions;

    @Test
    void listAndSearchLatency() throws Exception {
        Assumptions.assumeTrue(PostgresRequirement.isPostgresRun(), "the benchmark runs on PostgreSQL only");
        long[] tenants = seed();
        TenantId big = new TenantId(tenants[0]);
        Random random = new Random(7);
        List<String> report = new ArrayList<>();
        report.add("rows=" + TOTAL + " (half live) tenants=" + TENANTS + " rows_of_measured_tenant=" + PER_TENANT + " rounds=" + ROUNDS);
        report.add(measure("list first page (limit 50)", i -> filter(null, ""), i -> new PageRequest(0, 50), big));
        report.add(measure("list random page (skip 0..5000, limit 50)", i -> filter(null, ""),
                i -> new PageRequest(random.nextInt(100) * 50, 50), big));
        report.add(measure("list filtered call_direction=inbound", i -> filter(CallDirection.INBOUND, ""), i -> new PageRequest(0, 50), big));
        report.add(measure("search q=appointment (common word)", i -> filter(null, "appointment"), i -> new PageRequest(0, 50), big));
        report.add(measure("search q='refund invoice' (two words)", i -> filter(null, "refund invoice"), i -> new PageRequest(0, 50), big));
        report.add(measure("search q=<rare word>", i -> filter(null, "zebra" + (i % 50)), i -> new PageRequest(0, 50), big));
        long listed = transcripts.list(big, TranscriptFilter.none(), new PageRequest(0, 1)).total();
        report.addAll(lineCosts(big));
        report.forEach(line -> System.out.println("[benchmark] " + line));
        try {
            Files.write(Path.of("target", "transcript-benchmark.txt"), report);
        } catch (IOException ignored) {
            // stdout has the figures
        }
        assertThat(listed).isEqualTo(PER_TENANT);
        assertThat(transcripts.list(big, TranscriptFilter.none(), new PageRequest(0, 50)).items())
                .extracting(l -> l.source().value()).containsOnly("live", "intelligence").contains("live", "intelligence");
    }

    /**
     * What keeping live rows current costs the journal: one line stored per batch (the journal's worst
     * case; a busy journal stores several lines of a call per batch, and refreshes the call once) into
     * calls that grow to 300 lines, through the real adapter (insert, then the call's row rewritten from
     * all its lines); next to it the refresh alone.
     */
    private List<String> lineCosts(TenantId tenant) throws Exception {
        int callCount = 10, maxLines = 300;
        List<Call> live = new ArrayList<>();
        for (int i = 0; i < callCount; i++) {
            Call call = Call.startInbound(calls.nextId(), tenant, new PhoneNumber("+14155550100"), new PhoneNumber("+14155550199"),
                    "support", String.format("CAcost%026d", i), START.plusSeconds(i));
            transactions.run(() -> calls.add(call));
            live.add(call);
        }
        int[] bounds = {50, 150, 300};
        List<List<Long>> stores = new ArrayList<>(), refreshes = new ArrayList<>();
        for (int b = 0; b < bounds.length; b++) {
            stores.add(new ArrayList<>());
            refreshes.add(new ArrayList<>());
        }
        LiveTranscriptProjection projection = new LiveTranscriptProjection();
        try (Connection c = DriverManager.getConnection(PostgresRequirement.jdbcUrl(), "postgres", "")) {
            c.setAutoCommit(false);
            for (int n = 1; n <= maxLines; n++) {
                int bucket = n <= bounds[0] ? 0 : n <= bounds[1] ? 1 : 2;
                for (Call call : live) {
                    CallMessage line = new CallMessage(call.id(), tenant, n % 2 == 0 ? Speaker.AGENT : Speaker.CUSTOMER,
                            "line " + n + " about the appointment and the invoice, said by one of us", 0.9, true, n * 3000L,
                            n * 3000L + 2500, START);
                    long t0 = System.nanoTime();
                    transactions.run(() -> messages.addAll(List.of(line)));
                    stores.get(bucket).add(System.nanoTime() - t0);
                    long t1 = System.nanoTime();
                    projection.refresh(c, call.id().value());
                    c.commit();
                    refreshes.get(bucket).add(System.nanoTime() - t1);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        for (int b = 0; b < bounds.length; b++) {
            String range = (b == 0 ? 1 : bounds[b - 1] + 1) + ".." + bounds[b];
            lines.add(percentiles("store 1 line, call of " + range + " lines", stores.get(b)));
            lines.add(percentiles("  of which refresh, call of " + range + " lines", refreshes.get(b)));
        }
        assertThat(transcripts.list(tenant, new TranscriptFilter(Optional.empty(), "", "line 300"), new PageRequest(0, 50)).total())
                .isEqualTo(callCount);
        return lines;
    }

    private static String percentiles(String name, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        return String.format("%-45s p50=%6.2f ms  p95=%6.2f ms  p99=%6.2f ms  max=%6.2f ms  (%d stores)", name, sorted[n / 2] / 1e6,
                sorted[(int) (n * 0.95)] / 1e6, sorted[(int) (n * 0.99)] / 1e6, sorted[n - 1] / 1e6, n);
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

    /**
     * 100,000 transcripts over 10 tenants, half of each tenant's Voice Intelligence transcripts and half
     * calls bridged live (a call row and its captured lines, listed through {@link LiveTranscriptProjection},
     * the code the adapters run as lines are stored), in multi-row batches; answers the tenant ids.
     */
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
            for (int i = 0; i < batch / 2; i++)   // every batch of 500 is half live (the 50 calls of each tenant alternate)
                sql.append(i == 0 ? "" : ",").append("(nextval('enhanced_transcripts_id_seq'),?,?,?,?,?,?,?,2,?,?,'1:agent,2:customer','[]',?,?)");
            List<Long> liveCalls = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement(sql.toString());
                 PreparedStatement call = c.prepareStatement("INSERT INTO calls (id, tenant_id, call_sid, direction, customer_number, "
                         + "organization_number, scenario_ref, status, start_time, duration, updated_at) "
                         + "VALUES (nextval('calls_id_seq'), ?, ?, ?, '+14155550100', '+14155550199', ?, 'completed', ?, ?, ?) RETURNING id");
                 PreparedStatement line = c.prepareStatement("INSERT INTO call_messages (id, tenant_id, call_id, message_type, sender_type, "
                         + "content, confidence, is_final, start_ms, end_ms, created_at) "
                         + "VALUES (nextval('call_messages_id_seq'), ?, ?, 'transcript', ?, ?, ?, TRUE, ?, ?, ?)")) {
                for (int row = 0; row < TOTAL; row += batch) {
                    int p = 1, intelligence = 0;
                    for (int i = 0; i < batch; i++) {
                        int n = row + i;
                        List<String> lines = new ArrayList<>();
                        StringBuilder text = new StringBuilder();
                        int words = 40 + random.nextInt(80);
                        for (int w = 0; w < words; w++) {
                            if (w > 0 && w % 12 == 0) {
                                lines.add(text + ".");
                                text.setLength(0);
                            }
                            if (!text.isEmpty()) text.append(' ');
                            int pick = random.nextInt(100);
                            text.append(pick < 3 ? topics[random.nextInt(topics.length)]
                                    : pick < 4 && random.nextInt(40) == 0 ? "zebra" + random.nextInt(50)
                                    : vocabulary[random.nextInt(vocabulary.length)]);
                        }
                        lines.add(text + ".");
                        Timestamp date = Timestamp.from(START.plusSeconds(n * 60L));
                        long tenant = tenants[n % TENANTS];
                        long duration = 30 + random.nextInt(600);
                        String direction = random.nextBoolean() ? "inbound" : "outbound";
                        String scenario = random.nextBoolean() ? "sales" : "support";
                        if ((n / TENANTS) % 2 == 1) {   // a call bridged live: the call and its lines
                            call.setLong(1, tenant);
                            call.setString(2, String.format("CA%032d", n));
                            call.setString(3, direction);
                            call.setString(4, scenario);
                            call.setTimestamp(5, date);
                            call.setLong(6, duration);
                            call.setTimestamp(7, date);
                            long callId;
                            try (var rs = call.executeQuery()) {
                                rs.next();
                                callId = rs.getLong(1);
                            }
                            for (int l = 0; l < lines.size(); l++) {
                                line.setLong(1, tenant);
                                line.setLong(2, callId);
                                line.setString(3, l % 2 == 0 ? "agent" : "customer");
                                line.setString(4, lines.get(l));
                                line.setDouble(5, 0.9);
                                line.setLong(6, l * 4000L);
                                line.setLong(7, l * 4000L + 3500);
                                line.setTimestamp(8, date);
                                line.addBatch();
                            }
                            liveCalls.add(callId);
                            continue;
                        }
                        intelligence++;
                        insert.setLong(p++, tenant);
                        insert.setString(p++, String.format("GT%032d", n));
                        insert.setString(p++, String.format("CA%032d", n));
                        insert.setTimestamp(p++, date);
                        insert.setLong(p++, duration);
                        insert.setString(p++, direction);
                        insert.setString(p++, scenario);
                        insert.setInt(p++, 1 + words / 12);
                        insert.setInt(p++, words);
                        insert.setString(p++, String.join(" ", lines));
                        insert.setTimestamp(p++, date);
                    }
                    if (intelligence != batch / 2) throw new IllegalStateException("every batch is half live");
                    insert.executeUpdate();
                    line.executeBatch();
                    if ((row / batch) % 20 == 19) c.commit();
                }
            }
            c.commit();
            System.out.printf("[benchmark] seeded %d Intelligence transcripts and %d calls with their lines in %.1f s%n", TOTAL - liveCalls.size(),
                    liveCalls.size(), (System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            LiveTranscriptProjection projection = new LiveTranscriptProjection();
            for (int i = 0; i < liveCalls.size(); i++) {
                projection.refresh(c, liveCalls.get(i));
                if (i % 1000 == 999) c.commit();
            }
            c.commit();
            System.out.printf("[benchmark] listed %d live transcripts (one refresh per call) in %.1f s%n", liveCalls.size(),
                    (System.nanoTime() - t1) / 1e9);
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE enhanced_transcripts");
                st.execute("ANALYZE calls");
                st.execute("ANALYZE call_messages");
            }
            c.commit();
        }
        System.out.printf("[benchmark] seeded %d transcripts in %.1f s%n", TOTAL, (System.nanoTime() - t0) / 1e9);
        return tenants;
    }
}
