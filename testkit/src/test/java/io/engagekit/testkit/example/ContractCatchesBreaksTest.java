package io.engagekit.testkit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The contract can fail: run against {@link BrokenStrategies}, exactly the broken properties fail
 * and the others pass, so a third party's failing test points at the law they broke.
 */
final class ContractCatchesBreaksTest {
  private static final int PROPERTIES = 10;

  private static Events run(Class<?> contract) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
  }

  private static Set<String> failed(Class<?> contract) {
    Events events = run(contract);
    assertEquals(PROPERTIES, events.started().count(), contract.getSimpleName() + ": every property ran");
    return events.failed().stream().map(e -> e.getTestDescriptor().getDisplayName())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void theExample_passesEveryProperty_andIsNotAPopulationStrategy() {
    Events events = run(PurchaseShareTest.class);
    assertEquals(PROPERTIES - 1, events.succeeded().count());
    assertEquals(List.of("baseline_ofShardedPopulationInAnyOrder_equalsTheWhole()"),
        events.aborted().stream().map(e -> e.getTestDescriptor().getDisplayName()).toList());
  }

  @Test
  void zeroForNothing_failsOnlyTheNoEvidenceProperty() {
    assertEquals(Set.of("score_ofAnEmptyState_isNoEvidence_andAsOfBeforeTheFirstEvent_isValid()"),
        failed(BrokenStrategies.ZeroForNothingContract.class));
  }

  @Test
  void forgetsOnRead_failsOnlyTheSnapshotProperty() {
    assertEquals(Set.of("writeThenRead_scoresAlike_andStillMerges_whereSnapshotsAreSupported()"),
        failed(BrokenStrategies.ForgetsOnReadContract.class));
  }

  @Test
  void lastMergeWins_failsTheMergeProperties() {
    assertEquals(Set.of("combine_ofShardsInAnyOrder_equalsTheWhole()",
        "combine_isCommutativeAssociativeWithTheEmptyStateAsIdentity()"),
        failed(BrokenStrategies.LastMergeWinsContract.class));
  }

  @Test
  void misnamed_failsOnlyTheDescriptionProperty() {
    assertEquals(Set.of("strategy_describesItself()"), failed(BrokenStrategies.MisnamedContract.class));
  }

  @Test
  void noSeeds_isRefusedByEverySeededProperty() {
    Events events = run(BrokenStrategies.NoSeedsContract.class);
    String message = events.failed().stream()
        .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
            .orElseThrow().getMessage())
        .findFirst().orElseThrow();
    assertEquals("seeds() must be at least 1, was 0", message);
  }
}
