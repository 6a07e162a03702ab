package dev.parley.application.organization.service;

import dev.parley.application.organization.port.in.BriefOrganizationCallUseCase;
import dev.parley.application.organization.port.in.ConfigureOrganizationUseCase;
import dev.parley.application.organization.port.in.CreateOrganizationUseCase;
import dev.parley.application.organization.port.in.DeleteOrganizationUseCase;
import dev.parley.application.organization.port.in.GetOrganizationUseCase;
import dev.parley.application.organization.port.in.ListOrganizationsUseCase;
import dev.parley.application.organization.port.in.OrganizationBrief;
import dev.parley.application.organization.port.in.OrganizationNotFoundException;
import dev.parley.application.organization.port.in.OrganizationView;
import dev.parley.application.organization.port.out.OrganizationRepository;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.organization.OrgConfig;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.organization.Organization;
import dev.parley.domain.organization.PromptComposer;
import dev.parley.domain.shared.TenantId;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The tenant's organizations and their configuration, and the brief a conversation for one of them starts from. */
public final class OrganizationService implements CreateOrganizationUseCase, ListOrganizationsUseCase, DeleteOrganizationUseCase,
        GetOrganizationUseCase, ConfigureOrganizationUseCase, BriefOrganizationCallUseCase {
    private final OrganizationRepository organizations;
    private final Transactions transactions;
    private final Clock clock;
    private final PromptComposer composer = new PromptComposer();

    public OrganizationService(OrganizationRepository organizations, Transactions transactions, Clock clock) {
        this.organizations = organizations;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public OrganizationView create(TenantId tenant, String name) {
        return transactions.inTransaction(() -> {
            Organization o = Organization.create(organizations.nextId(), tenant, name, clock.instant());
            organizations.add(o);
            return OrganizationView.of(o);
        });
    }

    @Override
    public List<OrganizationView> list(TenantId tenant) {
        return organizations.list(tenant).stream().map(OrganizationView::of).toList();
    }

    @Override
    public void delete(TenantId tenant, OrgId org) {
        if (!transactions.inTransaction(() -> organizations.delete(tenant, org))) throw new OrganizationNotFoundException();
    }

    @Override
    public OrganizationView get(TenantId tenant, OrgId org) {
        return organizations.find(tenant, org).map(OrganizationView::of).orElseThrow(OrganizationNotFoundException::new);
    }

    @Override
    public OrganizationView configure(TenantId tenant, OrgId org, OrgConfig config) {
        return transactions.inTransaction(() -> {
            Organization o = organizations.find(tenant, org).orElseThrow(OrganizationNotFoundException::new);
            o.configure(config, clock.instant());
            organizations.update(o);
            return OrganizationView.of(o);
        });
    }

    @Override
    public Optional<OrganizationBrief> brief(TenantId tenant, OrgId org) {
        return organizations.find(tenant, org).map(o -> {
            OrgConfig c = o.config();
            return new OrganizationBrief(o.id(), o.name(), composer.compose(c), c.voice(), c.language().substring(0, 2),
                    OrgTools.of(c), c.escalationRules(), c.escalation());
        });
    }
}
