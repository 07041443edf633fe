package io.engagekit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagekit.core.Journey;
import io.engagekit.core.JourneyOutcome;
import io.engagekit.core.SurveyMetric;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.alerts.FadingInterest;
import io.engagekit.scoring.journeys.JourneySettings;
import io.engagekit.scoring.loyalty.CalendarPeriod;
import io.engagekit.scoring.loyalty.DiscreteSettings;
import io.engagekit.scoring.loyalty.LoyaltyStrategies;
import io.engagekit.scoring.loyalty.ModelSettings;
import io.engagekit.scoring.models.BgBb;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.GammaGamma;
import io.engagekit.scoring.models.MbgNbd;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.PeriodUnit;
import io.engagekit.scoring.plans.Plans;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every built-in strategy passes the contract, tested exactly as a third party tests theirs: a
 * class that extends {@link ScoringStrategyContract} and returns the strategy from the public API.
 * The model parameters are inputs, not golden values (the contract checks laws, not numbers);
 * they are the published fits so that the scores stay in a realistic range.
 */
final class BuiltInStrategiesTest {
  /** Fader, Hardie &amp; Lee (2005), BG/NBD on the CDNOW sample in weeks: r, α, a, b. */
  private static final BgNbd CDNOW_BGNBD = new BgNbd(0.242594, 4.413603, 0.792923, 2.425898);
  /** Fader, Hardie &amp; Lee (2005), Pareto/NBD on the same data: r, α, s, β. */
  private static final ParetoNbd CDNOW_PARETO = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
  /** Fader, Hardie &amp; Lee (2005, JMR), Gamma-Gamma spend of the sample's 946 repeat buyers: p, q, γ. */
  private static final GammaGamma CDNOW_SPEND = new GammaGamma(6.25, 3.74, 15.44);
  /** Fader, Hardie &amp; Shang (2010), section 4: BG/BB on the donations data: α, β, γ, δ. */
  private static final BgBb DONATIONS = new BgBb(1.204, 0.750, 0.657, 2.783);

  private static final int FITTED_SEEDS = 30;
  /**
   * BG/BB fitted in place: scoring one state fits the model on a one-customer population, about
   * 0.15 s each here (30 seeds took 225 s), so fewer seeds still.
   */
  private static final int BGBB_FITTED_SEEDS = 4;

  /** A contract test for every strategy that {@link ScoringStrategies#all()} registers, by name. */
  @Test
  void everyRegisteredStrategy_runsTheContractHere() throws ReflectiveOperationException {
    Set<String> tested = new TreeSet<>();
    for (Class<?> nested : BuiltInStrategiesTest.class.getDeclaredClasses()) {
      if (ScoringStrategyContract.class.isAssignableFrom(nested)) {
        Constructor<?> c = nested.getDeclaredConstructor(BuiltInStrategiesTest.class);
        tested.add(((ScoringStrategyContract) c.newInstance(this)).strategy().name());
      }
    }
    Set<String> untested =
        ScoringStrategies.all().stream().map(ScoringStrategy::name).collect(Collectors.toCollection(TreeSet::new));
    untested.removeAll(tested);
    assertEquals(Set.of(), untested, "registered strategies without a contract test here");
  }

  @Nested
  final class SatisfactionCsat extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.satisfactionCsat();
    }
  }

  @Nested
  final class SatisfactionNps extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.satisfactionNps();
    }
  }

  @Nested
  final class SatisfactionCes extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.satisfactionCes();
    }
  }

  @Nested
  final class SatisfactionWindowed extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.satisfaction(SurveyMetric.NPS, Duration.ofDays(90));
    }
  }

  @Nested
  final class LoyaltyDecayed extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.loyaltyDecayed();
    }
  }

  @Nested
  final class LoyaltyRfm extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.loyaltyRfm();
    }
  }

  @Nested
  final class LoyaltyAdvocacy extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.loyaltyAdvocacy();
    }
  }

  @Nested
  final class LoyaltyBgNbd extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.loyaltyBgNbd(CDNOW_BGNBD, ModelSettings.defaults());
    }
  }

  /**
   * The registered defaults fit their model in place on the population: the baseline fits it, or
   * says why it could not. Scored without a baseline, each score fits the model on one customer,
   * so these run over {@value #FITTED_SEEDS} seeds rather than the default.
   */
  @Nested
  final class LoyaltyBgNbdFittedInPlace extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.loyaltyBgNbd();
    }

    @Override
    protected int seeds() {
      return FITTED_SEEDS;
    }
  }

  @Nested
  final class LoyaltyParetoNbdFittedInPlace extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.loyaltyParetoNbd();
    }

    @Override
    protected int seeds() {
      return FITTED_SEEDS;
    }
  }

  @Nested
  final class LoyaltyMbgNbdFittedInPlace extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.loyaltyMbgNbd();
    }

    @Override
    protected int seeds() {
      return FITTED_SEEDS;
    }
  }

  @Nested
  final class LoyaltyClvFittedInPlace extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.loyaltyClv();
    }

    @Override
    protected int seeds() {
      return FITTED_SEEDS;
    }
  }

  @Nested
  final class LoyaltyBgBbFittedInPlace extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.loyaltyBgBb();
    }

    @Override
    protected int seeds() {
      return BGBB_FITTED_SEEDS;
    }
  }

  @Nested
  final class LoyaltyParetoNbd extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.loyaltyParetoNbd(CDNOW_PARETO, ModelSettings.defaults().withUnit(PeriodUnit.DAYS));
    }
  }

  @Nested
  final class LoyaltyMbgNbd extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return LoyaltyStrategies.mbgNbd(new MbgNbd(0.5255, 6.1829, 0.8936, 1.9802), ModelSettings.defaults());
    }
  }

  @Nested
  final class LoyaltyClv extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.loyaltyClv(CDNOW_BGNBD, CDNOW_SPEND, ModelSettings.defaults());
    }
  }

  @Nested
  final class LoyaltyBgBb extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.loyaltyBgBb(DONATIONS, DiscreteSettings.defaults());
    }
  }

  @Nested
  final class LoyaltyBgBbMonthly extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.loyaltyBgBb(DONATIONS, DiscreteSettings.defaults().withPeriod(CalendarPeriod.MONTH, 6));
    }
  }

  @Nested
  final class CompositeBlocks extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.compositeBlocks();
    }
  }

  @Nested
  final class AlertFading extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return FadingInterest.strategy();
    }
  }

  @Nested
  final class JourneyWeighted extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.journeyWeighted();
    }
  }

  @Nested
  final class JourneyWeightedWithKnownJourneys extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return ScoringStrategies.journeyWeighted(0.3, JourneySettings.defaults(), List.of(new Journey("elsewhere", "d",
          "buy", Instant.EPOCH, Optional.empty(), JourneyOutcome.IN_PROGRESS)));
    }
  }

  /** A scoring plan: a strategy written as JSON rather than as Java. */
  @Nested
  final class Plan extends ScoringStrategyContract {
    @Override
    protected ScoringStrategy<?> strategy() {
      return Plans.parse("{\"name\": \"plan.contract\", \"halfLife\": \"90d\","
          + " \"rules\": [{\"kind\": \"purchase\", \"points\": 10, \"perValue\": 0.01}, {\"kind\": \"complaint\","
          + " \"points\": -5}, {\"channel\": \"web\", \"points\": 1, \"cap\": 20}, {\"contentType\": \"user_generated\","
          + " \"points\": 3}], \"segments\": [{\"from\": 50, \"label\": \"engaged\"}]}");
    }
  }
}
