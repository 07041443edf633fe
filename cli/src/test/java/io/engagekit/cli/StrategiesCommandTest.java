package io.engagekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class StrategiesCommandTest {
  @Test
  void json_listsBuiltInsAndAThirdPartyStrategyFromOneServicesLine() {
    CliTestSupport.Result r = CliTestSupport.run("strategies", "--json");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("{\"strategies\":[{\"name\":\"satisfaction.csat\",\"family\":\"satisfaction\","
        + "\"description\":"), r.out());
    assertTrue(r.out().contains("{\"name\":\"satisfaction.nps\",\"family\":\"satisfaction\""), r.out());
    assertTrue(r.out().contains("{\"name\":\"satisfaction.ces\",\"family\":\"satisfaction\""), r.out());
    assertTrue(r.out().endsWith(
        "{\"name\":\"acme.events\",\"family\":\"custom\",\"description\":\"Ten points an event, at most 100.\"}]}\n"),
        r.out());
    assertEquals(1, r.out().lines().count());
  }

  @Test
  void table_hasAHeaderAndARowPerStrategy() {
    CliTestSupport.Result r = CliTestSupport.run("strategies");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("name "), r.out());
    assertEquals(16, r.out().lines().count(), r.out()); // header, 14 built-ins, acme.events
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("acme.events") && l.contains("custom")), r.out());
  }
}
