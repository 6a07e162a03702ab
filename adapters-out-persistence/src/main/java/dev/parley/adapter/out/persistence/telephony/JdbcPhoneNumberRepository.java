package dev.parley.adapter.out.persistence.telephony;

import dev.parley.adapter.out.persistence.shared.Sequences;
import dev.parley.adapter.out.persistence.shared.UniqueViolations;
import dev.parley.application.telephony.port.out.PhoneNumberRepository;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.telephony.UserPhoneNumber;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

@Singleton
class JdbcPhoneNumberRepository implements PhoneNumberRepository {
    private static final int MAX_FRIENDLY_NAME = 64;
    private final UserPhoneNumberRows rows;
    private final Sequences sequences;

    JdbcPhoneNumberRepository(UserPhoneNumberRows rows, Sequences sequences) {
        this.rows = rows;
        this.sequences = sequences;
    }

    @Override
    public long nextId() {
        return sequences.next("user_phone_numbers_id_seq");
    }

    @Override
    public List<UserPhoneNumber> list(TenantId tenant) {
        return rows.findByTenantIdAndActiveOrderById(tenant.value(), true).stream().map(JdbcPhoneNumberRepository::toDomain).toList();
    }

    @Override
    public Optional<UserPhoneNumber> find(TenantId tenant, PhoneNumber number) {
        return findOwner(number).filter(n -> n.tenant().equals(tenant));
    }

    @Override
    public Optional<UserPhoneNumber> findOwner(PhoneNumber number) {
        return rows.findByPhoneNumberAndActive(number.e164(), true).map(JdbcPhoneNumberRepository::toDomain);
    }

    @Override
    public void add(UserPhoneNumber number) {
        try {
            rows.save(toRow(number));
        } catch (RuntimeException e) {
            if (UniqueViolations.isUniqueViolation(e)) throw new NumberTakenException(e);
            throw e;
        }
    }

    @Override
    public boolean remove(TenantId tenant, long id) {
        return rows.deleteByIdAndTenantId(id, tenant.value()) > 0;
    }

    @Override
    public boolean route(TenantId tenant, long id, String scenarioRef) {
        return rows.route(id, tenant.value(), scenarioRef) > 0;
    }

    private static UserPhoneNumberRow toRow(UserPhoneNumber n) {
        String name = n.friendlyName().length() > MAX_FRIENDLY_NAME ? n.friendlyName().substring(0, MAX_FRIENDLY_NAME) : n.friendlyName();
        return new UserPhoneNumberRow(n.id(), n.tenant().value(), n.phoneNumber().e164(), n.carrierSid(), name, true,
                n.voiceCapable(), n.smsCapable(), n.inboundScenario(), n.createdAt());
    }

    private static UserPhoneNumber toDomain(UserPhoneNumberRow r) {
        return new UserPhoneNumber(r.id(), new TenantId(r.tenantId()), new PhoneNumber(r.phoneNumber()), r.twilioSid(),
                r.friendlyName(), r.voiceCapable(), r.smsCapable(), r.inboundScenario(), r.createdAt());
    }
}
