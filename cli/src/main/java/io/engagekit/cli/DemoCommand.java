package io.engagekit.cli;

import io.engagekit.core.Touchpoint;
import io.engagekit.core.io.Column;
import io.engagekit.core.io.Delimiter;
import io.engagekit.core.io.ReadOptions;
import io.engagekit.core.io.RowReader;
import io.engagekit.core.io.TransactionLogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code engagekit demo}: summarises the bundled CDNOW 1/10 sample, with no arguments and no
 * network. Later issues make it the end-to-end showcase.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Reads the bundled CDNOW 1/10 sample (2,357 customers, 1997-98) and prints a summary.")
final class DemoCommand implements Callable<Integer> {
  static final String RESOURCE = "cdnow/CDNOW_sample.txt";
  /** The layout of CDNOW_sample.txt: master id, sample id, yyyyMMdd, CDs, dollars. */
  static final TransactionLogFormat CDNOW_SAMPLE =
      TransactionLogFormat.of(Delimiter.WHITESPACE, false, Column.number(2), Column.number(3), Column.number(5))
          .withQuantity(Column.number(4))
          .withDatePattern("yyyyMMdd");
  /** End of the 39-week calibration period of Fader, Hardie & Lee (2005). */
  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

  @Spec CommandSpec spec;

  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    Map<String, TreeSet<LocalDate>> days = new HashMap<>();
    long records = 0;
    long items = 0;
    double spend = 0;
    LocalDate first = null;
    LocalDate last = null;
    try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("the bundled data " + RESOURCE + " is missing from the jar");
      }
      try (RowReader<Touchpoint> rows =
          CDNOW_SAMPLE.reader(
              new InputStreamReader(in, StandardCharsets.US_ASCII), ReadOptions.lenient().withStrict(true), r -> {})) {
        while (rows.hasNext()) {
          Touchpoint t = rows.next();
          LocalDate day = LocalDate.ofInstant(t.at(), ZoneOffset.UTC);
          days.computeIfAbsent(t.customer(), c -> new TreeSet<>()).add(day);
          records++;
          items += t.quantity().orElse(0);
          spend += t.valueOr(0);
          first = first == null || day.isBefore(first) ? day : first;
          last = last == null || day.isAfter(last) ? day : last;
        }
      }
    }
    long customerDays = 0;
    long repeatBuyers = 0;
    long calibrationRepeats = 0;
    long holdoutRepeats = 0;
    for (TreeSet<LocalDate> d : days.values()) {
      customerDays += d.size();
      if (d.size() > 1) {
        repeatBuyers++;
      }
      for (LocalDate day : d.tailSet(d.first(), false)) {
        if (day.isAfter(CALIBRATION_END)) {
          holdoutRepeats++;
        } else {
          calibrationRepeats++;
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("EngageKit demo: the CDNOW 1/10 sample (Fader & Hardie 2001), bundled in the jar");
    out.println();
    out.printf(Locale.ROOT, "  customers            %,d%n", days.size());
    out.printf(Locale.ROOT, "  transactions         %,d records, %,d customer-days, %,d CDs%n", records, customerDays, items);
    out.printf(Locale.ROOT, "  period               %s to %s%n", first, last);
    out.printf(Locale.ROOT, "  repeat buyers        %,d (%.1f%% bought on more than one day)%n",
        repeatBuyers, 100.0 * repeatBuyers / days.size());
    out.printf(Locale.ROOT, "  spend                $%,.2f in all, $%,.2f a customer, $%,.2f a record%n",
        spend, spend / days.size(), spend / records);
    out.printf(Locale.ROOT, "  repeat transactions  %,d in weeks 1-39 (to %s), %,d in weeks 40-78%n",
        calibrationRepeats, CALIBRATION_END, holdoutRepeats);
    out.println();
    out.println("Repeat transactions count one per customer-day, as in Fader, Hardie & Lee (2005).");
    out.println("Next: validate your own data with `engagekit validate --help`.");
    out.flush();
    return 0;
  }
}
