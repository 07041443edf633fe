package io.engagekit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.engagekit.core.ConversionPath;
import io.engagekit.core.io.Format;
import io.engagekit.core.io.ReadOptions;
import io.engagekit.core.io.RejectedRowException;
import io.engagekit.core.io.RowReader;
import io.engagekit.core.io.Schema;
import io.engagekit.scoring.attribution.Attribution;
import io.engagekit.scoring.attribution.Attributions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
      "Reads aggregated conversion paths (CSV with header path,total_conversions,total_conversion_value,total_null,",
      "channels separated by ' > '; or the same fields as JSON Lines) and credits the conversions and their value",
      "to channels with the chosen model. markov also prints each channel's removal effect, computed exactly from",
      "the absorbing chain. The same input always gives the same output.",
      "Exit status: 0 done; 1 rows were rejected (the rest is attributed); 2 usage error or unreadable input."
    })
final class AttributeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "The paths file.")
  Path input;

  @Option(names = "--format", paramLabel = "csv|jsonl",
      description = "Input format. Default: jsonl for *.jsonl and *.ndjson, else csv.")
  String format;

  @Option(names = "--model", required = true, paramLabel = "first|last|linear|position|markov",
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

  @Option(names = "--strict", description = "Stop at the first rejected row.")
  boolean strict;

  @Mixin OutputOptions report;

  @Override
  public Integer call() throws IOException {
    String m = model.toLowerCase(Locale.ROOT);
    if (!List.of("first", "last", "linear", "position", "markov").contains(m)) {
      throw usage("--model must be first, last, linear, position or markov but was '" + model + "'"
          + (m.equals("time-decay") || m.equals("shapley") ? " (" + m + " is not built yet)" : ""));
    }
    if (order < 1 || order > Attributions.MAX_ORDER) {
      throw usage("--order must be 1 to " + Attributions.MAX_ORDER + " but was " + order);
    }
    if (!m.equals("markov") && spec.commandLine().getParseResult().hasMatchedOption("--order")) {
      throw usage("--order applies to --model markov only");
    }
    PrintWriter err = spec.commandLine().getErr();
    if (!InputOptions.readable(input, err)) {
      return Main.UNUSABLE;
    }
    Format f = format(input);
    List<ConversionPath> paths = new ArrayList<>();
    long rejected;
    try (Reader chars = InputOptions.utf8(Files.newInputStream(input));
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
    Attribution a;
    try {
      a = switch (m) {
        case "first" -> Attributions.firstTouch(paths);
        case "last" -> Attributions.lastTouch(paths);
        case "linear" -> Attributions.linear(paths);
        case "position" -> Attributions.positionBased(paths, firstShare, lastShare);
        default -> Attributions.markov(paths, order);
      };
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    write(a, paths.size());
    return rejected == 0 ? 0 : Main.REJECTED;
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
      try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.writeStartObject();
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
        }
        g.writeEndObject();
      }
      out.println();
    } else {
      out.printf(Locale.ROOT, "# %s%s over %,d paths: %s conversions, value %s%n", a.model(),
          markov ? " (order " + a.order() + ")" : "", paths, number(a.totalConversions()), number(a.totalValue()));
      out.println(markov ? "channel\tconversions\tvalue\tremoval_effect\tvalue_removal_effect"
          : "channel\tconversions\tvalue");
      for (Map.Entry<String, Attribution.Credit> e : a.channels().entrySet()) {
        out.print(e.getKey() + "\t" + number(e.getValue().conversions()) + "\t" + number(e.getValue().value()));
        if (markov) {
          out.print("\t" + number(a.removalEffects().get(e.getKey())) + "\t"
              + number(a.valueRemovalEffects().get(e.getKey())));
        }
        out.println();
      }
    }
    out.flush();
  }

  /** Six significant digits, without trailing zeros. */
  private static String number(double v) {
    return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
