package dev.parley.bootstrap;

import dev.parley.application.shared.Transactions;
import dev.parley.application.usage.port.in.CheckBudgetUseCase;
import dev.parley.application.usage.port.in.ManageBudgetUseCase;
import dev.parley.application.usage.port.in.RecordCallUsageUseCase;
import dev.parley.application.usage.port.in.ReportUsageUseCase;
import dev.parley.application.usage.port.out.BudgetRepository;
import dev.parley.application.usage.port.out.CallUsageRepository;
import dev.parley.application.usage.service.UsageService;
import dev.parley.domain.usage.UnitPrices;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;

/**
 * The usage context: per-call ledgers, cost estimates and monthly budgets. Default unit prices, in US
 * dollars: OpenAI's published gpt-realtime prices (2025-08-28: text 4.00 / cached 0.40 / output 16.00, audio
 * 32.00 / cached 0.40 / output 64.00 per million tokens) and Twilio's US voice prices (2025: 0.0085 per
 * inbound and 0.014 per outbound minute). Set {@code parley.usage.prices.*} for another model or country.
 */
@Factory
class UsageWiring {
    @Singleton
    UnitPrices unitPrices(@Value("${parley.usage.prices.text-input-per-million:4.00}") BigDecimal textInput,
                          @Value("${parley.usage.prices.cached-text-input-per-million:0.40}") BigDecimal cachedTextInput,
                          @Value("${parley.usage.prices.text-output-per-million:16.00}") BigDecimal textOutput,
                          @Value("${parley.usage.prices.audio-input-per-million:32.00}") BigDecimal audioInput,
                          @Value("${parley.usage.prices.cached-audio-input-per-million:0.40}") BigDecimal cachedAudioInput,
                          @Value("${parley.usage.prices.audio-output-per-million:64.00}") BigDecimal audioOutput,
                          @Value("${parley.usage.prices.inbound-per-minute:0.0085}") BigDecimal inboundPerMinute,
                          @Value("${parley.usage.prices.outbound-per-minute:0.014}") BigDecimal outboundPerMinute) {
        return new UnitPrices(textInput, cachedTextInput, textOutput, audioInput, cachedAudioInput, audioOutput, inboundPerMinute,
                outboundPerMinute);
    }

    @Singleton
    @Bean(typed = {ReportUsageUseCase.class, ManageBudgetUseCase.class, CheckBudgetUseCase.class, RecordCallUsageUseCase.class})
    UsageService usage(CallUsageRepository usage, BudgetRepository budgets, Transactions transactions, UnitPrices prices, Clock clock) {
        return new UsageService(usage, budgets, transactions, prices, clock);
    }
}
