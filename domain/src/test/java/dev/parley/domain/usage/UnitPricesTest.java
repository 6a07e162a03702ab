package dev.parley.domain.usage;

import dev.parley.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitPricesTest {
    /** gpt-realtime (2025-08-28) and Twilio US voice. */
    static final UnitPrices PRICES = new UnitPrices(new BigDecimal("4.00"), new BigDecimal("0.40"), new BigDecimal("16.00"),
            new BigDecimal("32.00"), new BigDecimal("0.40"), new BigDecimal("64.00"), new BigDecimal("0.0085"), new BigDecimal("0.014"));

    @Test
    void cachedInputIsPricedAtTheCachedRateAndTheRestAtTheFullOne() {
        // text: 1000 in (400 cached), 200 out; audio: 5000 in (1000 cached), 3000 out
        TokenUsage t = new TokenUsage(1000, 5000, 400, 1000, 200, 3000);
        // 600*4 + 400*0.4 + 200*16 + 4000*32 + 1000*0.4 + 3000*64 = 2400 + 160 + 3200 + 128000 + 400 + 192000 = 326160 per million
        assertThat(PRICES.modelCost(t)).isEqualByComparingTo("0.326160");
    }

    @Test
    void oneAudioTokenIsWorthSixDecimals() {
        assertThat(PRICES.modelCost(new TokenUsage(0, 1, 0, 0, 0, 0))).isEqualByComparingTo("0.000032");
        assertThat(PRICES.modelCost(TokenUsage.ZERO)).isEqualByComparingTo("0");
    }

    @Test
    void theCarrierBillsEveryStartedMinute() {
        assertThat(UnitPrices.billedMinutes(0)).isZero();
        assertThat(UnitPrices.billedMinutes(-1)).isZero();
        assertThat(UnitPrices.billedMinutes(1)).isEqualTo(1);
        assertThat(UnitPrices.billedMinutes(60)).isEqualTo(1);
        assertThat(UnitPrices.billedMinutes(61)).isEqualTo(2);
        assertThat(PRICES.carrierCost(3, 2)).isEqualByComparingTo("0.053500"); // 3*0.0085 + 2*0.014
    }

    @Test
    void negativePricesAreRefused() {
        assertThatThrownBy(() -> new UnitPrices(BigDecimal.ONE.negate(), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void tokenCountsCannotBeNegativeAndCachedNeverExceedsInput() {
        assertThatThrownBy(() -> new TokenUsage(-1, 0, 0, 0, 0, 0)).isInstanceOf(InvalidValueException.class);
        assertThat(new TokenUsage(10, 5, 50, 9, 0, 0)).isEqualTo(new TokenUsage(10, 5, 10, 5, 0, 0));
    }

    @Test
    void aBudgetIsReachedWhenTheMonthsCostMeetsIt() {
        MonthlyBudget budget = new MonthlyBudget(new BigDecimal("5"));
        assertThat(budget.limitUsd()).isEqualTo(new BigDecimal("5.00"));
        assertThat(budget.reachedBy(new BigDecimal("4.999999"))).isFalse();
        assertThat(budget.reachedBy(new BigDecimal("5.000000"))).isTrue();
        assertThat(new MonthlyBudget(new BigDecimal("12.500")).limitUsd()).isEqualTo(new BigDecimal("12.50"));
        assertThatThrownBy(() -> new MonthlyBudget(BigDecimal.ZERO)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new MonthlyBudget(new BigDecimal("0.001"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new MonthlyBudget(new BigDecimal("1000000.01"))).isInstanceOf(InvalidValueException.class);
    }
}
