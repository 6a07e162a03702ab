package dev.parley.adapter.out.persistence.call;

import dev.parley.application.call.port.out.CallMessageRepository;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.shared.Transactions;
import dev.parley.application.tenancy.port.out.UserRepository;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.call.CallStatus;
import dev.parley.domain.call.Speaker;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.tenancy.EmailAddress;
import dev.parley.domain.tenancy.PasswordHash;
import dev.parley.domain.tenancy.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(transactional = false)
class CallRepositoriesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final PhoneNumber CUSTOMER = new PhoneNumber("+14155550100");
    private static final PhoneNumber OURS = new PhoneNumber("+14155550199");

    @Inject
    UserRepository users;
    @Inject
    CallRepository calls;
    @Inject
    CallMessageRepository messages;
    @Inject
    Transactions transactions;

    private TenantId tenant() {
        User user = User.register(users.nextId(), new EmailAddress("c-" + UUID.randomUUID() + "@example.com"),
                new PasswordHash("$argon2id$x"), NOW);
        transactions.run(() -> users.add(user));
        return user.tenant();
    }

    private static String sid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aCallRoundTripsWithEveryField() {
        TenantId ann = tenant();
        Call call = Call.placeOutbound(calls.nextId(), ann, CUSTOMER, OURS, "sales", NOW);
        transactions.run(() -> calls.add(call));
        String sid = sid();
        transactions.run(() -> {
            Call c = calls.findForUpdate(call.id()).orElseThrow();
            c.dialled(sid);
            c.issueStreamToken("a".repeat(64), NOW.plusSeconds(600));
            c.recordStatus(CallStatus.IN_PROGRESS, NOW.plusSeconds(3), -1);
            c.noteEndReason("model-unreachable");
            calls.update(c);
        });
        Call loaded = calls.findByCarrierSid(sid).orElseThrow();
        assertThat(loaded.id()).isEqualTo(call.id());
        assertThat(loaded.tenant()).isEqualTo(ann);
        assertThat(loaded.status()).isEqualTo(CallStatus.IN_PROGRESS);
        assertThat(loaded.customerNumber()).isEqualTo(CUSTOMER);
        assertThat(loaded.organizationNumber()).isEqualTo(OURS);
        assertThat(loaded.scenarioRef()).isEqualTo("sales");
        assertThat(loaded.createdAt()).isEqualTo(NOW);
        assertThat(loaded.answeredAt()).contains(NOW.plusSeconds(3));
        assertThat(loaded.endReason()).contains("model-unreachable");
        assertThat(loaded.streamTokenHash()).contains("a".repeat(64));
        assertThat(loaded.redeemStreamToken("a".repeat(64), NOW.plusSeconds(10))).isTrue();
        assertThat(calls.findByCarrierSidForUpdate(sid)).isPresent();
    }

    @Test
    void anotherTenantNeverSeesACallOrItsLines() {
        TenantId ann = tenant();
        TenantId bob = tenant();
        Call call = Call.startInbound(calls.nextId(), ann, CUSTOMER, OURS, "default", sid(), NOW);
        transactions.run(() -> calls.add(call));
        messages.addAll(List.of(new CallMessage(call.id(), ann, Speaker.CUSTOMER, "hello", 0.9, true, 10, 900, NOW)));

        assertThat(calls.find(bob, call.id())).isEmpty();
        assertThat(calls.list(bob, new PageRequest(0, 10)).items()).isEmpty();
        assertThat(messages.ofCall(bob, call.id())).isEmpty();
        assertThat(calls.find(ann, call.id())).isPresent();
        assertThat(messages.ofCall(ann, call.id())).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("hello");
            assertThat(m.speaker()).isEqualTo(Speaker.CUSTOMER);
            assertThat(m.confidence()).isEqualTo(0.9);
            assertThat(m.startMs()).isEqualTo(10);
            assertThat(m.endMs()).isEqualTo(900);
            assertThat(m.createdAt()).isEqualTo(NOW);
        });
    }

    @Test
    void listsArePagedNewestFirst() {
        TenantId ann = tenant();
        for (int i = 0; i < 5; i++) {
            Call c = Call.placeOutbound(calls.nextId(), ann, CUSTOMER, OURS, "s" + i, NOW.plusSeconds(i));
            transactions.run(() -> calls.add(c));
        }
        var first = calls.list(ann, new PageRequest(0, 2));
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).extracting(Call::scenarioRef).containsExactly("s4", "s3");
        assertThat(calls.list(ann, new PageRequest(3, 10)).items()).extracting(Call::scenarioRef).containsExactly("s1", "s0");
    }

    @Test
    void aBatchOfLinesIsStoredInOrder() {
        TenantId ann = tenant();
        Call call = Call.startInbound(calls.nextId(), ann, CUSTOMER, OURS, "default", sid(), NOW);
        transactions.run(() -> calls.add(call));
        List<CallMessage> batch = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> new CallMessage(call.id(), ann, i % 2 == 0 ? Speaker.AGENT : Speaker.CUSTOMER, "line " + i, 1, true,
                        i * 100L, i * 100L + 50, NOW))
                .toList();
        transactions.run(() -> messages.addAll(batch));
        assertThat(messages.ofCall(ann, call.id())).extracting(CallMessage::text).containsExactlyElementsOf(
                batch.stream().map(CallMessage::text).toList());
    }

    @Test
    void aCarrierSidNamesOneCall() {
        TenantId ann = tenant();
        String sid = sid();
        Call a = Call.startInbound(calls.nextId(), ann, CUSTOMER, OURS, "default", sid, NOW);
        Call b = Call.startInbound(calls.nextId(), ann, CUSTOMER, OURS, "default", sid, NOW);
        transactions.run(() -> calls.add(a));
        assertThatThrownBy(() -> transactions.run(() -> calls.add(b))).isInstanceOf(RuntimeException.class);
        // calls not yet dialled have no SID and do not collide
        transactions.run(() -> {
            calls.add(Call.placeOutbound(calls.nextId(), ann, CUSTOMER, OURS, "x", NOW));
            calls.add(Call.placeOutbound(calls.nextId(), ann, CUSTOMER, OURS, "y", NOW));
        });
    }
}
