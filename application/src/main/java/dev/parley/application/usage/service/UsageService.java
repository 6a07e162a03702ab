package dev.parley.application.usage.service;

import dev.parley.application.shared.Transactions;
import dev.parley.application.usage.port.in.CheckBudgetUseCase;
import dev.parley.application.usage.port.in.ManageBudgetUseCase;
import dev.parley.application.usage.port.in.MeasuredCall;
import dev.parley.application.usage.port.in.RecordCallUsageUseCase;
import dev.parley.application.usage.port.in.ReportUsageUseCase;
import dev.parley.application.usage.port.out.BudgetRepository;
import dev.parley.application.usage.port.out.CallUsageRepository;
import dev.parley.application.usage.port.out.CallUsageRepository.CallFact;
import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.usage.CallUsage;
import dev.parley.domain.usage.MonthlyBudget;
import dev.parley.domain.usage.TokenUsage;
import dev.parley.domain.usage.UnitPrices;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reports what calls used and cost, and keeps the tenants' monthly budgets. Costs are estimated when
 * read, from stored facts (tokens, carrier minutes) and today's unit prices, so a price change applies to
 * every report at once. Months and days are UTC.
 */
public final class UsageService implements ReportUsageUseCase, ManageBudgetUseCase, CheckBudgetUseCase, RecordCallUsageUseCase {
    private static final long MAX_DAYS = 366;
    private final CallUsageRepository usage;
    private final BudgetRepository budgets;
    private final Transactions transactions;
    private final UnitPrices prices;
    private final Clock clock;

    public UsageService(CallUsageRepository usage, BudgetRepository budgets, Transactions transactions, UnitPrices prices, Clock clock) {
        this.usage = usage;
        this.budgets = budgets;
        this.transactions = transactions;
        this.prices = prices;
        this.clock = clock;
    }

    @Override
    public Optional<CallCost> ofCall(TenantId tenant, CallId id) {
        Optional<CallFact> call = usage.fact(tenant, id);
        if (call.isEmpty()) return Optional.empty();
        Optional<CallUsage> measured = usage.find(tenant, id);
        TokenUsage tokens = measured.map(CallUsage::tokens).orElse(TokenUsage.ZERO);
        boolean inbound = call.get().inbound();
        long minutes = UnitPrices.billedMinutes(call.get().durationSeconds());
        return Optional.of(new CallCost(tokens, minutes, measured.map(CallUsage::latency), measured.map(CallUsage::bargeIns).orElse(0),
                cost(tokens, inbound ? minutes : 0, inbound ? 0 : minutes)));
    }

    @Override
    public UsageReport between(TenantId tenant, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) throw new InvalidValueException("from", "usage.period", "from must be on or before to");
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS)
            throw new InvalidValueException("to", "usage.period", "The period can be at most 366 days");
        List<CallFact> facts = usage.facts(tenant, from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        TreeMap<LocalDate, Totals> byDay = new TreeMap<>();
        Totals all = new Totals();
        for (CallFact f : facts) {
            byDay.computeIfAbsent(LocalDate.ofInstant(f.createdAt(), ZoneOffset.UTC), d -> new Totals()).add(f);
            all.add(f);
        }
        List<DayUsage> days = new ArrayList<>(byDay.size());
        byDay.forEach((date, t) -> days.add(t.day(date)));
        return new UsageReport(from, to, days, all.day(null));
    }

    @Override
    public BudgetView budget(TenantId tenant) {
        return view(tenant, budgets.find(tenant));
    }

    @Override
    public BudgetView set(TenantId tenant, Optional<MonthlyBudget> limit) {
        transactions.run(() -> limit.ifPresentOrElse(b -> budgets.save(tenant, b), () -> budgets.remove(tenant)));
        return view(tenant, limit);
    }

    @Override
    public void record(List<MeasuredCall> measured) {
        usage.addAll(measured);
    }

    @Override
    public boolean exhausted(TenantId tenant) {
        Optional<MonthlyBudget> budget = budgets.find(tenant);
        return budget.isPresent() && budget.get().reachedBy(spentThisMonth(tenant));
    }

    private BudgetView view(TenantId tenant, Optional<MonthlyBudget> budget) {
        BigDecimal spent = spentThisMonth(tenant);
        return new BudgetView(budget.map(MonthlyBudget::limitUsd), YearMonth.now(clock.withZone(ZoneOffset.UTC)), spent,
                budget.isPresent() && budget.get().reachedBy(spent));
    }

    private BigDecimal spentThisMonth(TenantId tenant) {
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        Totals t = new Totals();
        usage.facts(tenant, month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()).forEach(t::add);
        return t.day(null).cost().total();
    }

    private Cost cost(TokenUsage tokens, long inboundMinutes, long outboundMinutes) {
        BigDecimal model = prices.modelCost(tokens);
        BigDecimal carrier = prices.carrierCost(inboundMinutes, outboundMinutes);
        return new Cost(model, carrier, model.add(carrier));
    }

    /** Sums of one day (or the whole period); cost is linear in tokens and minutes, so it is priced once at the end. */
    private final class Totals {
        private long calls;
        private long inboundMinutes;
        private long outboundMinutes;
        private TokenUsage tokens = TokenUsage.ZERO;

        void add(CallFact f) {
            calls++;
            long minutes = UnitPrices.billedMinutes(f.durationSeconds());
            if (f.inbound()) inboundMinutes += minutes;
            else outboundMinutes += minutes;
            tokens = tokens.plus(f.tokens());
        }

        DayUsage day(LocalDate date) {
            return new DayUsage(date, calls, inboundMinutes + outboundMinutes, tokens, cost(tokens, inboundMinutes, outboundMinutes));
        }
    }
}
