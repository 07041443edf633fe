package io.engagekit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.engagekit.core.ConversionPath;
import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Journey;
import io.engagekit.core.io.ReadStats;
import io.engagekit.core.io.Reject;
import io.engagekit.core.io.RejectedRowException;
import io.engagekit.core.io.RowReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code engagekit validate}: reads an input, reports every rejected row, summarises the rest. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Reads an input file and reports every rejected row with its line, field and reason.",
      "",
      "Reads an input file and reports every rejected row with its line, field and reason.",
      "",
      "Exit status: 0 nothing rejected; 1 rows rejected (or, with --strict, at the first bad row); 2 usage"
          + " error or unreadable input."
    })
final class ValidateCommand implements Callable<Integer> {
  /** How many rejected line numbers the JSON summary lists. */
  static final int JSON_REJECTED_LINES = 100;
  /** How many rejects are printed on stderr before the rest are only counted there. */
  static final int PRINTED_REJECTS = 20;

  @Spec CommandSpec spec;

  @Mixin InputOptions in;

  @Mixin OutputOptions report;

  @Override
  public Integer call() throws IOException {
    InputOptions.Source source = in.resolve();
    Path input = source.input();
    PrintWriter err = spec.commandLine().getErr();
    if (!InputOptions.readable(input, err)) {
      return Main.UNUSABLE;
    }
    long size = Files.size(input);
    Summary summary = new Summary(err, report.json);
    try (CsvWriter rejects = in.rejectsFile == null ? null : in.rejectsWriter();
        Terminal.CountingInputStream bytes = new Terminal.CountingInputStream(Files.newInputStream(input));
        Reader chars = source.decode(bytes);
        RowReader<?> rows = source.open(chars, r -> summary.reject(r, rejects));
        ProgressBar bar = !report.json && size >= Terminal.LARGE_INPUT_BYTES && Terminal.stderrIsTerminal()
            ? Terminal.progressBar("validate", size) : null) {
      try {
        long n = 0;
        while (rows.hasNext()) {
          summary.accept(rows.next());
          if (bar != null && (++n & 0x3fff) == 0) {
            bar.stepTo(bytes.count());
          }
        }
        if (bar != null) {
          bar.stepTo(size);
        }
      } catch (RejectedRowException e) {
        summary.print(rows.stats(), spec.commandLine().getOut());
        err.println("engagekit: stopped at the first rejected row (--strict): " + e.reject());
        return Main.REJECTED;
      } catch (IllegalArgumentException | UncheckedIOException e) {
        err.println("engagekit: cannot read " + input + ": " + e.getMessage());
        if (report.verbose) {
          e.printStackTrace(err);
        }
        return Main.UNUSABLE;
      }
      ReadStats stats = rows.stats();
      summary.print(stats, spec.commandLine().getOut());
      return stats.rejected() == 0 ? 0 : Main.REJECTED;
    }
  }

  /** Accumulates what validate reports. */
  private static final class Summary {
    private final PrintWriter err;
    private final boolean json;
    private final CustomerSet customers = new CustomerSet();
    private final List<Long> rejectedLines = new ArrayList<>();
    private long printed;
    private Instant first;
    private Instant last;

    Summary(PrintWriter err, boolean json) {
      this.err = err;
      this.json = json;
    }

    void accept(Object row) {
      String customer;
      Instant from;
      Instant to;
      if (row instanceof Customer) {
        customers.add(((Customer) row).id()); // a customers file has no times
        return;
      }
      if (row instanceof ConversionPath) {
        return; // aggregated paths have neither customers nor times
      }
      if (row instanceof EngagementEvent) {
        EngagementEvent e = (EngagementEvent) row;
        customer = e.customer();
        from = to = e.at();
      } else {
        Journey j = (Journey) row;
        customer = j.customer();
        from = j.start();
        to = j.end().orElse(j.start());
      }
      customers.add(customer);
      if (first == null || from.isBefore(first)) {
        first = from;
      }
      if (last == null || to.isAfter(last)) {
        last = to;
      }
    }

    void reject(Reject r, CsvWriter rejects) {
      if (rejectedLines.size() < JSON_REJECTED_LINES) {
        rejectedLines.add(r.line());
      }
      if (printed++ < PRINTED_REJECTS) {
        err.println("rejected " + r);
      }
      if (rejects != null) {
        rejects.writeRecord(Long.toString(r.line()), r.field().orElse(""), r.reason());
      }
    }

    void print(ReadStats stats, PrintWriter out) throws IOException {
      if (printed > PRINTED_REJECTS) {
        err.println("… and " + (printed - PRINTED_REJECTS) + " more rejected rows (--rejects FILE keeps them all)");
      }
      if (json) {
        try (JsonGenerator g = JsonOutput.object(out)) {
          g.writeNumberField("rows", stats.rows());
          g.writeNumberField("accepted", stats.accepted());
          g.writeNumberField("rejected", stats.rejected());
          g.writeNumberField("customers", customers.size());
          g.writeStringField("first", first == null ? null : first.toString());
          g.writeStringField("last", last == null ? null : last.toString());
          g.writeArrayFieldStart("rejectedLines");
          for (long line : rejectedLines) {
            g.writeNumber(line);
          }
          g.writeEndArray();
        }
      } else {
        out.printf(Locale.ROOT, "rows       %,d%n", stats.rows());
        out.printf(Locale.ROOT, "accepted   %,d%n", stats.accepted());
        out.printf(Locale.ROOT, "rejected   %,d%n", stats.rejected());
        out.printf(Locale.ROOT, "customers  %,d%n", customers.size());
        out.println("first      " + (first == null ? "-" : first));
        out.println("last       " + (last == null ? "-" : last));
      }
      out.flush();
    }
  }
}
