package dev.parley.adapter.in.web.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.application.usage.port.in.ManageBudgetUseCase.BudgetView;
import dev.parley.application.usage.port.in.ReportUsageUseCase;
import dev.parley.application.usage.port.in.ReportUsageUseCase.DayUsage;
import dev.parley.domain.usage.TokenUsage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** JSON shapes of usage, cost and budget (snake_case; dollars as numbers). Shared with the call detail's {@code usage}. */
public final class UsageMessages {
    private UsageMessages() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Tokens(long input, long output, long inputText, long inputAudio, long cachedInput, long outputText, long outputAudio,
                         long total) {
        public static Tokens from(TokenUsage t) {
            return new Tokens(t.input(), t.output(), t.inputText(), t.inputAudio(), t.cachedInput(), t.outputText(), t.outputAudio(),
                    t.total());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Cost(BigDecimal model, BigDecimal carrier, BigDecimal total) {
        public static Cost from(ReportUsageUseCase.Cost c) {
            return new Cost(c.model(), c.carrier(), c.total());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Day(@Nullable LocalDate date, long calls, long minutes, Tokens tokens, Cost estimatedCostUsd) {
        static Day from(DayUsage d) {
            return new Day(d.date(), d.calls(), d.minutes(), Tokens.from(d.tokens()), Cost.from(d.cost()));
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UsageBody(LocalDate from, LocalDate to, List<Day> days, Day total) {
        static UsageBody from(ReportUsageUseCase.UsageReport r) {
            return new UsageBody(r.from(), r.to(), r.days().stream().map(Day::from).toList(), Day.from(r.total()));
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record BudgetRequest(@Nullable BigDecimal monthlyLimitUsd) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record BudgetBody(@Nullable BigDecimal monthlyLimitUsd, String month, BigDecimal spentUsd, boolean exhausted) {
        static BudgetBody from(BudgetView v) {
            return new BudgetBody(v.limitUsd().orElse(null), v.month().toString(), v.spentUsd(), v.exhausted());
        }
    }
}
