package io.engagekit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.EngagementEvent;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.StateRecord;
import io.engagekit.scoring.alerts.FadingInterest;
import io.engagekit.scoring.simulation.Population;
import io.engagekit.scoring.simulation.SimulationSettings;
import io.engagekit.scoring.simulation.Simulator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: one per-customer record for the engine and Flink. A customer's states written by the
 * engine ({@link EngagementEngine#stateRecord}) are read by the Flink operator's state serializer,
 * and the operator's serialized state is read back by the engine's codec ({@link StateRecord#read}):
 * both ways the states score exactly as the engine's own, on a simulated population.
 */
final class StateRecordCrossHostTest {
  private static List<ScoringStrategy<?>> strategies() {
    return List.of(ScoringStrategies.satisfactionNps(), ScoringStrategies.loyaltyAdvocacy(),
        ScoringStrategies.compositeBlocks(), FadingInterest.strategy(), ScoringStrategies.journeyWeighted());
  }

  @Test
  void engineWrites_flinkReads_andFlinkWrites_engineReads() throws IOException {
    Population p = Simulator.simulate(SimulationSettings.of(150, 19));
    EngagementEngine engine = EngagementEngine.of(strategies());
    for (EngagementEvent e : p.events()) {
      engine.record(e);
    }
    List<ScoringStrategy<?>> strategies = strategies();
    CustomerStateSerializer serializer = CustomerStateSerializer.of(StateRecordCrossHostTest::strategies, strategies);
    Instant asOf = p.calibrationEnd();
    int checked = 0;
    for (EngagementEngine.Ranked r : engine.top(engine.customers(), "satisfaction.nps", asOf)) {
      String id = r.customer();
      StateRecord written = engine.stateRecord(id).orElseThrow();

      // Engine -> Flink: the operator's serializer holds the engine's record and reads it with the job's strategies.
      DataOutputSerializer out = new DataOutputSerializer(256);
      serializer.serialize(new CustomerState(written), out);
      CustomerState inFlink = serializer.deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
      ScoreState<?>[] flinkStates = inFlink.readStates();

      // Flink -> engine: the operator's bytes, after its layout byte, are the engine's record.
      DataOutputSerializer again = new DataOutputSerializer(256);
      serializer.serialize(inFlink, again);
      DataInputDeserializer in = new DataInputDeserializer(again.getSharedBuffer(), 0, again.length());
      assertEquals(CustomerStateSerializer.LAYOUT, in.readUnsignedByte());
      StateRecord read = StateRecord.read(in);
      assertEquals(written, read, id);
      ScoreState<?>[] engineStates = read.states(strategies);

      for (int i = 0; i < strategies.size(); i++) {
        String name = strategies.get(i).name();
        assertEquals(engine.score(id, name, asOf).orElseThrow(), score(strategies.get(i), flinkStates[i], id, asOf), name);
        assertEquals(engine.score(id, name, asOf).orElseThrow(), score(strategies.get(i), engineStates[i], id, asOf), name);
        checked++;
      }
    }
    assertTrue(checked >= 150 * strategies.size(), "checked " + checked);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static io.engagekit.scoring.Score score(ScoringStrategy s, ScoreState state, String id, Instant asOf) {
    return s.score(state, asOf, io.engagekit.core.Customer.of(id));
  }
}
