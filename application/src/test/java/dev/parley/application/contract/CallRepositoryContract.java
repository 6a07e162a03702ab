package dev.parley.application.contract;

import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallStatus;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link CallRepository} promises, whatever stores it: run against the in-memory fake
 * (application tests) and the JDBC adapter (on H2 and PostgreSQL). A fake that passes behaves like the
 * database where the services can tell.
 */
public abstract class CallRepositoryContract {
    protected static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    protected static final PhoneNumber CUSTOMER = new PhoneNumber("+14155550100");
    protected static final PhoneNumber OURS = new PhoneNumber("+14155550199");

    protected abstract CallRepository calls();

    /** A tenant the store accepts calls for (a database needs its account to exist). */
    protected abstract TenantId newTenant();

    /** Runs {@code work} as one transaction of the store. */
    protected abstract void inTransaction(Runnable work);

    protected static String sid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    private Call added(Call call) {
        inTransaction(() -> calls().add(call));
        return call;
    }

    @Test
    void aCallIsFoundByIdWithinItsOwnTenantOnly() {
        TenantId ann = newTenant();
        TenantId bob = newTenant();
        Call call = added(Call.placeOutbound(calls().nextId(), ann, CUSTOMER, OURS, "sales", NOW));
        assertThat(calls().find(ann, call.id())).hasValueSatisfying(c -> {
            assertThat(c.id()).isEqualTo(call.id());
            assertThat(c.scenarioRef()).isEqualTo("sales");
            assertThat(c.customerNumber()).isEqualTo(CUSTOMER);
        });
        assertThat(calls().find(bob, call.id())).isEmpty();
        assertThat(calls().findForUpdate(call.id())).isPresent();
    }

    @Test
    void idsAreNeverHandedOutTwice() {
        assertThat(calls().nextId()).isNotEqualTo(calls().nextId());
    }

    @Test
    void aLoadedCallChangesInStorageOnlyThroughUpdate() {
        TenantId ann = newTenant();
        Call call = added(Call.placeOutbound(calls().nextId(), ann, CUSTOMER, OURS, "sales", NOW));
        call.dialled(sid());
        assertThat(calls().find(ann, call.id()).orElseThrow().carrierSid()).as("the added instance is not the stored one").isEmpty();

        inTransaction(() -> calls().findForUpdate(call.id()).orElseThrow().recordStatus(CallStatus.RINGING, NOW.plusSeconds(1), -1));
        assertThat(calls().find(ann, call.id()).orElseThrow().status()).as("a change never saved is not stored")
                .isEqualTo(CallStatus.QUEUED);

        String sid = sid();
        inTransaction(() -> {
            Call c = calls().findForUpdate(call.id()).orElseThrow();
            c.dialled(sid);
            c.recordStatus(CallStatus.IN_PROGRESS, NOW.plusSeconds(2), -1);
            calls().update(c);
        });
        Call stored = calls().findByCarrierSid(sid).orElseThrow();
        assertThat(stored.status()).isEqualTo(CallStatus.IN_PROGRESS);
        assertThat(stored.answeredAt()).contains(NOW.plusSeconds(2));
    }

    @Test
    void aCarrierSidNamesOneCall() {
        TenantId ann = newTenant();
        String sid = sid();
        added(Call.startInbound(calls().nextId(), ann, CUSTOMER, OURS, "default", sid, NOW));
        Call twin = Call.startInbound(calls().nextId(), ann, CUSTOMER, OURS, "default", sid, NOW);
        // the concurrent-retry path of /incoming-call relies on this exception (AcceptInboundCall retries once)
        assertThatThrownBy(() -> inTransaction(() -> calls().add(twin))).isInstanceOf(CallRepository.CarrierSidTakenException.class);
        assertThat(calls().findByCarrierSid(sid)).hasValueSatisfying(c -> assertThat(c.id()).isNotEqualTo(twin.id()));
        assertThat(calls().findByCarrierSidForUpdate(sid)).isPresent();
        assertThat(calls().findByCarrierSid(sid())).isEmpty();
        // calls not yet dialled have no SID and do not collide
        added(Call.placeOutbound(calls().nextId(), ann, CUSTOMER, OURS, "x", NOW));
        added(Call.placeOutbound(calls().nextId(), ann, CUSTOMER, OURS, "y", NOW));
    }

    @Test
    void anUpdateGivingACallAnotherCallsSidIsRefused() {
        TenantId ann = newTenant();
        String sid = sid();
        added(Call.startInbound(calls().nextId(), ann, CUSTOMER, OURS, "default", sid, NOW));
        Call other = added(Call.placeOutbound(calls().nextId(), ann, CUSTOMER, OURS, "x", NOW));
        assertThatThrownBy(() -> inTransaction(() -> {
            Call c = calls().findForUpdate(other.id()).orElseThrow();
            c.dialled(sid);
            calls().update(c);
        })).isInstanceOf(RuntimeException.class);
        assertThat(calls().find(ann, other.id()).orElseThrow().carrierSid()).isEmpty();
    }

    @Test
    void aTenantsCallsAreListedNewestFirstInPages() {
        TenantId ann = newTenant();
        TenantId bob = newTenant();
        Call first = added(Call.placeOutbound(calls().nextId(), ann, CUSTOMER, OURS, "a", NOW));
        Call second = added(Call.placeOutbound(calls().nextId(), ann, CUSTOMER, OURS, "b", NOW.plusSeconds(60)));
        Call third = added(Call.placeOutbound(calls().nextId(), ann, CUSTOMER, OURS, "c", NOW.plusSeconds(120)));
        added(Call.placeOutbound(calls().nextId(), bob, CUSTOMER, OURS, "bob's", NOW.plusSeconds(180)));
        Page<Call> page = calls().list(ann, new PageRequest(0, 2));
        assertThat(page.items()).extracting(Call::id).containsExactly(third.id(), second.id());
        assertThat(page.total()).isEqualTo(3);
        assertThat(calls().list(ann, new PageRequest(2, 2)).items()).extracting(Call::id).containsExactly(first.id());
    }
}
