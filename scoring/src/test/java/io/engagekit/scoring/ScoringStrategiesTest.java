package io.engagekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Channel;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ScoringStrategiesTest {
  @Test
  void named_findsBuiltIns() {
    assertSame(ScoringStrategies.satisfactionNps(), ScoringStrategies.named("satisfaction.nps"));
    assertSame(ScoringStrategies.satisfactionCsat(), ScoringStrategies.named("satisfaction.csat"));
    assertSame(ScoringStrategies.satisfactionCes(), ScoringStrategies.named("satisfaction.ces"));
    assertEquals("satisfaction", ScoringStrategies.named("satisfaction.ces").family());
    assertSame(ScoringStrategies.loyaltyDecayed(), ScoringStrategies.named("loyalty.decayed"));
    assertSame(ScoringStrategies.loyaltyRfm(), ScoringStrategies.named("loyalty.rfm"));
    assertSame(ScoringStrategies.compositeBlocks(), ScoringStrategies.named("composite.blocks"));
    assertEquals("composite", ScoringStrategies.named("composite.blocks").family());
    assertSame(ScoringStrategies.journeyWeighted(), ScoringStrategies.named("journey.weighted"));
    assertEquals("journey", ScoringStrategies.named("journey.weighted").family());
  }

  @Test
  void named_findsAUserStrategyRegisteredWithOneServicesLine() {
    ScoringStrategy<?> s = ScoringStrategies.named("test.visits");
    assertInstanceOf(VisitCounter.class, s);
    VisitCounter visits = (VisitCounter) s;
    VisitCounter.Visits state = visits.newState();
    for (int i = 0; i < 5; i++) {
      state.accept(Touchpoint.of("c", Instant.EPOCH, Channel.WEB, TouchpointKind.VISIT));
    }
    assertEquals(50.0, visits.score(state, Instant.EPOCH).value(), 1e-12);
    List<String> names = ScoringStrategies.all().stream().map(ScoringStrategy::name).toList();
    assertEquals(List.of("satisfaction.csat", "satisfaction.nps", "satisfaction.ces", "loyalty.decayed", "loyalty.rfm",
        "loyalty.bgnbd", "loyalty.paretonbd", "loyalty.mbgnbd", "loyalty.bgbb", "loyalty.clv", "loyalty.advocacy", "composite.blocks", "alert.fading", "journey.weighted",
        "test.visits"),
        names);
  }

  @Test
  void named_unknown_listsTheKnownNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScoringStrategies.named("loyalty.nope"));
    assertTrue(e.getMessage().startsWith("no strategy is named 'loyalty.nope'; known: [satisfaction.csat,"), e.getMessage());
  }

  /** A provider claiming a built-in's name is refused with both classes named. */
  @Test
  void all_refusesTwoStrategiesWithOneName(@TempDir Path dir) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(ScoringStrategy.class.getName()), ClashingStrategy.class.getName() + "\n");
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
      Thread.currentThread().setContextClassLoader(loader);
      IllegalStateException e = assertThrows(IllegalStateException.class, ScoringStrategies::all);
      assertTrue(e.getMessage().contains("'satisfaction.nps' is claimed by both"), e.getMessage());
      assertTrue(e.getMessage().contains(ClashingStrategy.class.getName()), e.getMessage());
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  /** Claims a built-in's name; registered only by the test above. */
  public static final class ClashingStrategy implements ScoringStrategy<VisitCounter.Visits> {
    /** For ServiceLoader. */
    public ClashingStrategy() {}

    @Override
    public String name() {
      return "satisfaction.nps";
    }

    @Override
    public String family() {
      return "custom";
    }

    @Override
    public String description() {
      return "clashes";
    }

    @Override
    public VisitCounter.Visits newState() {
      return new VisitCounter.Visits();
    }

    @Override
    public Score score(VisitCounter.Visits state, Instant asOf) {
      return Score.ZERO;
    }
  }

}
