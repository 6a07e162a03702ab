package dev.parley.adapter.out.persistence.organization;

import dev.parley.adapter.out.persistence.shared.Sequences;
import dev.parley.application.organization.port.out.OrganizationRepository;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.organization.Organization;
import dev.parley.domain.shared.TenantId;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

@Singleton
class JdbcOrganizationRepository implements OrganizationRepository {
    private final OrganizationRows rows;
    private final Sequences sequences;
    private final JsonMapper json;

    JdbcOrganizationRepository(OrganizationRows rows, Sequences sequences, JsonMapper json) {
        this.rows = rows;
        this.sequences = sequences;
        this.json = json;
    }

    @Override
    public OrgId nextId() {
        return new OrgId(sequences.next("organizations_id_seq"));
    }

    @Override
    public void add(Organization organization) {
        rows.save(toRow(organization));
    }

    @Override
    public void update(Organization organization) {
        rows.update(toRow(organization));
    }

    @Override
    public Optional<Organization> find(TenantId tenant, OrgId id) {
        return rows.findByIdAndTenantId(id.value(), tenant.value()).map(this::toDomain);
    }

    @Override
    public List<Organization> list(TenantId tenant) {
        return rows.findByTenantIdOrderById(tenant.value()).stream().map(this::toDomain).toList();
    }

    @Override
    public boolean delete(TenantId tenant, OrgId id) {
        return rows.deleteByIdAndTenantId(id.value(), tenant.value()) > 0;
    }

    private OrganizationRow toRow(Organization o) {
        try {
            return new OrganizationRow(o.id().value(), o.tenant().value(), o.name(),
                    json.writeValueAsString(OrgConfigDocument.of(o.config())), o.createdAt(), o.updatedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Organization toDomain(OrganizationRow r) {
        try {
            OrgConfigDocument config = json.readValue(r.config(), OrgConfigDocument.class);
            return Organization.reconstitute(new OrgId(r.id()), new TenantId(r.tenantId()), r.name(), config.toDomain(), r.createdAt(),
                    r.updatedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
