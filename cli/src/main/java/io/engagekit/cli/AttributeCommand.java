package io.engagekit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.engagekit.core.ConversionPath;
import io.engagekit.core.Journey;
import io.engagekit.core.JourneyPath;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.io.DecodingReader;
import io.engagekit.core.io.Format;
import io.engagekit.core.io.ReadOptions;
import io.engagekit.core.io.RejectedRowException;
import io.engagekit.core.io.RowReader;
import io.engagekit.core.io.Schema;
import io.engagekit.scoring.attribution.Attribution;
import io.engagekit.scoring.attribution.Attributions;
import io.engagekit.scoring.journeys.JourneySettings;
import io.engagekit.scoring.journeys.Journeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code engagekit attribute}: credits conversions and their value to channels over aggregated paths. */
@Command(
    name = "attribute",
    mixinStandardHelpOptions = true,
    description = {
      "Credits conversions and their value to channels with an attribution model.",
      "",
      "Reads aggregated conversion paths (CSV with header"
          + " path,total_conversions,total_conversion_value,total_null, channels separated by ' > '; or the same"
          + " fields as JSON Lines), or with --kind touchpoints touchpoints that it assembles into journeys as"
          + " the journeys command does (completed journeys convert), and credits the conversions and their"
          + " value to channels with the chosen model. markov also prints each channel's removal effect,"
          + " computed exactly from the absorbing chain, and at --order 2 or more those of the most frequent"
          + " channel sequences. shapley is exact up to 15 channels and sampled above, with error bounds."
          + " time-decay needs touchpoint times (--kind touchpoints). The same input always gives the same"
          + " output.",
      "",
      "Exit status: 0 done; 1 rows were rejected (the rest is attributed); 2 usage error or unreadable"
          + " input."
    })
final class AttributeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "The paths (or touchpoints) file.")
  Path input;

  @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
      description = "The input's character encoding, such as UTF-8, ISO-8859-1 or windows-1252; a line with bytes"
          + " that are not valid in it is a rejected row. Default: ${DEFAULT-VALUE}.")
  String encoding;

  @Option(names = "--format", paramLabel = "csv|jsonl",
      description = "Input format. Default: jsonl for *.jsonl and *.ndjson, else csv.")
  String format;

  @Option(names = "--kind", paramLabel = "paths|touchpoints", defaultValue = "paths",
      description = "What the input holds. Default: ${DEFAULT-VALUE}.")
  String kind;

  @Option(names = "--model", required = true,
      paramLabel = "first|last|linear|position|time-decay|markov|shapley|shapley-ordered",
      description = "The attribution model.")
  String model;

  @Option(names = "--order", paramLabel = "K", defaultValue = "1",
      description = "The Markov chain's order, 1 to 4. Default: ${DEFAULT-VALUE}.")
  int order;

  @Option(names = "--first-share", paramLabel = "X", defaultValue = "0.4",
      description = "position: the first touch's share. Default: ${DEFAULT-VALUE}.")
  double firstShare;

  @Option(names = "--last-share", paramLabel = "X", defaultValue = "0.4",
      description = "position: the last touch's share. Default: ${DEFAULT-VALUE}.")
  double lastShare;

  @Option(names = "--sequences", paramLabel = "N", defaultValue = "20",
      description = "markov, order 2 or more: report the removal effects of the N sequences most journeys meet."
          + " Default: ${DEFAULT-VALUE}.")
  int sequences;

  @Option(names = "--samples", paramLabel = "N",
      description = "shapley: estimate from N random orders (with error bounds) even up to 15 channels."
          + " Default: exact up to 15 channels, 10000 orders above.")
  Integer samples;

  @Option(names = "--seed", paramLabel = "S", description = "shapley: the sampling seed. Default: 20261122.")
  Long seed;

  @Option(names = "--half-life", paramLabel = "DURATION", defaultValue = "7d",
      description = "time-decay: how long before the conversion a touch counts half. Default: ${DEFAULT-VALUE}.")
  String halfLife;

  @Option(names = "--journeys", paramLabel = "FILE",
      description = "--kind touchpoints: known journeys (csv, or jsonl by extension).")
  Path journeys;

  @Option(names = "--gap", paramLabel = "DURATION", defaultValue = "7d",
      description = "--kind touchpoints: inactivity that ends a session. Default: ${DEFAULT-VALUE}.")
  String gap;

  @Option(names = "--as-of", paramLabel = "INSTANT",
      description = "--kind touchpoints: see journeys as of this ISO-8601 instant. Default: the latest touchpoint.")
  String asOf;

  @Option(names = "--strict", description = "Stop at the first rejected row.")
  boolean strict;

  @Mixin OutputOptions report;

  @Override
  public Integer call() throws IOException {
    String m = model.toLowerCase(Locale.ROOT);
    List<String> models = List.of("first", "last", "linear", "position", "time-decay", "markov", "shapley",
        "shapley-ordered");
    if (!models.contains(m)) {
      throw usage("--model must be one of " + String.join(", ", models) + " but was '" + model + "'"
          + io.engagekit.core.internal.Suggestions.didYouMean(model, models));
    }
    String k = kind.toLowerCase(Locale.ROOT);
    if (!List.of("paths", "touchpoints").contains(k)) {
      throw usage("--kind must be paths or touchpoints but was '" + kind + "'");
    }
    boolean fromTouchpoints = k.equals("touchpoints");
    if (order < 1 || order > Attributions.MAX_ORDER) {
      throw usage("--order must be 1 to " + Attributions.MAX_ORDER + " but was " + order);
    }
    requireOnly("markov", m, "--order", "--sequences");
    requireOnly("position", m, "--first-share", "--last-share");
    requireOnly("time-decay", m, "--half-life");
    if (!m.startsWith("shapley") && (samples != null || seed != null)) {
      throw usage("--samples and --seed apply to --model shapley and shapley-ordered only");
    }
    if (!fromTouchpoints) {
      for (String o : new String[] {"--journeys", "--gap", "--as-of"}) {
        if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
          throw usage(o + " applies to --kind touchpoints only");
        }
      }
      if (m.equals("time-decay")) {
        throw usage("time-decay needs the times of the touches: give touchpoints with --kind touchpoints");
      }
    }
    if (sequences < 0) {
      throw usage("--sequences must be >= 0 but was " + sequences);
    }
    if (samples != null && (samples < 2 || samples > Attributions.MAX_SHAPLEY_SAMPLES)) {
      throw usage("--samples must be in [2, " + Attributions.MAX_SHAPLEY_SAMPLES + "] but was " + samples);
    }
    Duration decay;
    JourneySettings settings;
    try {
      decay = Durations.positive("--half-life", halfLife);
      settings = JourneySettings.defaults().withGap(Durations.positive("--gap", gap));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    Format f = format(input);
    Charset charset = InputOptions.charset(spec, encoding);
    List<ConversionPath> paths = new ArrayList<>();
    List<JourneyPath> journeyPaths = List.of();
    long rejected;
    if (fromTouchpoints) {
      Instant cutoff;
      try {
        cutoff = asOf != null ? Instant.parse(asOf) : null;
      } catch (java.time.DateTimeException e) {
        throw usage("--as-of must be an ISO-8601 instant such as 2026-01-31T00:00:00Z but was '" + asOf + "'");
      }
      ReadOptions options = ReadOptions.lenient().withStrict(strict);
      InputOptions.Source source = new InputOptions.Source(input, Schema.TOUCHPOINTS,
          f == Format.JSON_LINES ? "jsonl" : "csv", null, options, charset);
      List<Touchpoint> touchpoints = new ArrayList<>();
      List<Journey> known = new ArrayList<>();
      try (EventLoader loader = new EventLoader(err, report.verbose, cutoff, null)) {
        loader.progress = !report.json;
        if (!loader.read(source, e -> touchpoints.add((Touchpoint) e))
            || (journeys != null && !loader.readJourneys(journeys, source, known))) {
          return loader.stoppedStatus();
        }
        Instant at = cutoff != null ? cutoff : loader.defaultAsOf();
        if (at == null && loader.latest != null) {
          return Main.UNUSABLE; // beyond the bulk of the data: said
        }
        if (at != null) {
          try {
            journeyPaths = Journeys.assemble(touchpoints, known, settings, at);
          } catch (IllegalArgumentException e) {
            err.println("engagekit: cannot assemble journeys: " + e.getMessage());
            return Main.UNUSABLE;
          }
        }
        rejected = loader.rejected;
      }
      paths.addAll(Attributions.paths(journeyPaths));
    } else {
      if (!InputOptions.readable(input, err)) {
        return Main.UNUSABLE;
      }
      try (Reader chars = DecodingReader.of(Files.newInputStream(input), charset);
          RowReader<ConversionPath> rows = Schema.PATHS.reader(chars, f, ReadOptions.lenient().withStrict(strict),
              r -> err.println("rejected " + r))) {
        try {
          rows.forEachRemaining(paths::add);
        } catch (RejectedRowException e) {
          err.println("engagekit: stopped at the first rejected row (--strict): " + e.reject());
          return Main.REJECTED;
        } catch (IllegalArgumentException | UncheckedIOException e) {
          err.println("engagekit: cannot read " + input + ": " + e.getMessage());
          return Main.UNUSABLE;
        }
        rejected = rows.stats().rejected();
      }
    }
    Attribution a;
    try {
      a = switch (m) {
        case "first" -> Attributions.firstTouch(paths);
        case "last" -> Attributions.lastTouch(paths);
        case "linear" -> Attributions.linear(paths);
        case "position" -> Attributions.positionBased(paths, firstShare, lastShare);
        case "time-decay" -> Attributions.timeDecay(journeyPaths, decay);
        case "markov" -> Attributions.markov(paths, order, sequences);
        default -> {
          boolean ordered = m.equals("shapley-ordered");
          if (samples != null || seed != null) {
            yield Attributions.shapleySampled(paths, ordered, samples != null ? samples : Attributions.DEFAULT_SAMPLES,
                seed != null ? seed : Attributions.DEFAULT_SEED);
          }
          yield ordered ? Attributions.shapleyOrdered(paths) : Attributions.shapley(paths);
        }
      };
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    write(a, paths.size());
    if (rejected > 0 && fromTouchpoints) {
      err.println("engagekit: " + rejected + " rows were rejected and left out of the journeys");
    }
    return rejected == 0 ? 0 : Main.REJECTED;
  }

  /** Refuses options of one model given with another. */
  private void requireOnly(String owner, String m, String... options) {
    for (String o : options) {
      if (!m.equals(owner) && spec.commandLine().getParseResult().hasMatchedOption(o)) {
        throw usage(o + " applies to --model " + owner + " only");
      }
    }
  }

  private Format format(Path file) {
    if (format != null) {
      String f = format.toLowerCase(Locale.ROOT);
      if (!List.of("csv", "jsonl").contains(f)) {
        throw usage("--format must be csv or jsonl but was '" + format + "'");
      }
      return Format.fromCode(f);
    }
    return InputOptions.isJsonLines(file) ? Format.JSON_LINES : Format.CSV;
  }

  private void write(Attribution a, int paths) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    boolean markov = a.model().equals("markov");
    if (report.json) {
      try (JsonGenerator g = JsonOutput.object(out)) {
        g.writeStringField("model", a.model());
        if (markov) {
          g.writeNumberField("order", a.order());
        } else {
          g.writeNullField("order");
        }
        g.writeNumberField("totalConversions", a.totalConversions());
        g.writeNumberField("totalValue", a.totalValue());
        g.writeObjectFieldStart("channels");
        for (Map.Entry<String, Attribution.Credit> e : a.channels().entrySet()) {
          g.writeObjectFieldStart(e.getKey());
          g.writeNumberField("conversions", e.getValue().conversions());
          g.writeNumberField("value", e.getValue().value());
          g.writeEndObject();
        }
        g.writeEndObject();
        if (markov) {
          g.writeObjectFieldStart("removalEffects");
          for (Map.Entry<String, Double> e : a.removalEffects().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
          }
          g.writeEndObject();
          g.writeObjectFieldStart("valueRemovalEffects");
          for (Map.Entry<String, Double> e : a.valueRemovalEffects().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
          }
          g.writeEndObject();
          if (a.order() > 1) {
            g.writeObjectFieldStart("sequenceRemovalEffects");
            for (Map.Entry<String, Double> e : a.sequenceRemovalEffects().entrySet()) {
              g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
          }
        }
        if (!a.errorBounds().isEmpty()) {
          g.writeObjectFieldStart("errorBounds");
          for (Map.Entry<String, Attribution.Credit> e : a.errorBounds().entrySet()) {
            g.writeObjectFieldStart(e.getKey());
            g.writeNumberField("conversions", e.getValue().conversions());
            g.writeNumberField("value", e.getValue().value());
            g.writeEndObject();
          }
          g.writeEndObject();
        }
      }
    } else {
      out.printf(Locale.ROOT, "# %s%s over %,d paths: %s conversions, value %s%n", a.model(),
          markov ? " (order " + a.order() + ")" : "", paths, OutputOptions.number(a.totalConversions()), OutputOptions.number(a.totalValue()));
      boolean bounds = !a.errorBounds().isEmpty();
      TextTable table = markov ? new TextTable("channel", "conversions", "value", "removal_effect",
          "value_removal_effect") : bounds ? new TextTable("channel", "conversions", "value", "conversions_bound",
          "value_bound") : new TextTable("channel", "conversions", "value");
      for (Map.Entry<String, Attribution.Credit> e : a.channels().entrySet()) {
        List<String> row = new ArrayList<>(List.of(e.getKey(), OutputOptions.number(e.getValue().conversions()),
            OutputOptions.number(e.getValue().value())));
        if (markov) {
          row.add(OutputOptions.number(a.removalEffects().get(e.getKey())));
          row.add(OutputOptions.number(a.valueRemovalEffects().get(e.getKey())));
        }
        if (bounds) {
          row.add(OutputOptions.number(a.errorBounds().get(e.getKey()).conversions()));
          row.add(OutputOptions.number(a.errorBounds().get(e.getKey()).value()));
        }
        table.add(row.toArray(String[]::new));
      }
      table.print(out);
      if (!a.sequenceRemovalEffects().isEmpty()) {
        out.println();
        TextTable sequences = new TextTable("sequence", "removal_effect");
        a.sequenceRemovalEffects().forEach((q, v) -> sequences.add(q, OutputOptions.number(v)));
        sequences.print(out);
      }
      if (bounds) {
        out.println("# sampled: every channel lies within its bound of the exact value with probability >= 95%");
      }
    }
    out.flush();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
