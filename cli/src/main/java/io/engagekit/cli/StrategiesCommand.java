package io.engagekit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.ScoringStrategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code engagekit strategies}: every strategy the registry finds, built-in or from a {@code
 * META-INF/services} provider on the class path.
 */
@Command(
    name = "strategies",
    mixinStandardHelpOptions = true,
    description = {
      "Lists every scoring strategy found, built-in and third-party.",
      "",
      "Lists every scoring strategy found: the built-ins, and third-party strategies registered in"
          + " META-INF/services/io.engagekit.scoring.ScoringStrategy on the class path. --json prints"
          + " {\"strategies\":[{\"name\":…,\"family\":…,\"description\":…}]}."
    })
final class StrategiesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputOptions report;

  @Override
  public Integer call() throws IOException {
    List<ScoringStrategy<?>> strategies = ScoringStrategies.all();
    PrintWriter out = spec.commandLine().getOut();
    if (report.json) {
      try (JsonGenerator g = JsonOutput.object(out)) {
        g.writeArrayFieldStart("strategies");
        for (ScoringStrategy<?> s : strategies) {
          g.writeStartObject();
          g.writeStringField("name", s.name());
          g.writeStringField("family", s.family());
          g.writeStringField("description", s.description());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
    } else {
      int width = strategies.stream().mapToInt(s -> s.name().length()).max().orElse(4);
      int familyWidth = strategies.stream().mapToInt(s -> s.family().length()).max().orElse(6);
      String row = "%-" + width + "s  %-" + familyWidth + "s  %s%n";
      out.printf(Locale.ROOT, row, "name", "family", "description");
      for (ScoringStrategy<?> s : strategies) {
        out.printf(Locale.ROOT, row, s.name(), s.family(), s.description());
      }
    }
    out.flush();
    return 0;
  }
}
