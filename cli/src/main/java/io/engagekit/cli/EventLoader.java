package io.engagekit.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Journey;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.io.Reject;
import io.engagekit.core.io.RejectedRowException;
import io.engagekit.core.io.RowReader;
import io.engagekit.core.io.Schema;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.satisfaction.SurveyTally;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;
import org.jspecify.annotations.Nullable;

/**
 * Feeds event files into an engine, or any sink, for the commands that read events: reports rejects (first few on stderr,
 * all in the rejects file with a {@code file} column), leaves out events after a cutoff and counts
 * them, tallies survey answers and remembers the latest event.
 */
final class EventLoader implements AutoCloseable {
  private final PrintWriter err;
  private final boolean verbose;
  private final Instant cutoff;
  private final CsvWriter rejects;
  final SurveyTally tally = new SurveyTally();
  Instant latest;
  private final EventDays days = new EventDays();
  /** When set, only survey answers after this instant enter the population tally (a survey window). */
  Instant tallyAfter;
  long rejected;
  long afterCutoff;
  /** Whether a read stopped because an input was unreadable (exit 2), not at a strict reject (exit 1). */
  boolean unreadable;
  /**
   * Whether to show a progress bar on stderr while reading a large file (at least {@link
   * Terminal#LARGE_INPUT_BYTES}) when stderr is a terminal; commands turn it off under --json.
   */
  boolean progress = true;

  EventLoader(PrintWriter err, boolean verbose, Instant cutoff, Path rejectsFile) throws IOException {
    this.err = err;
    this.verbose = verbose;
    this.cutoff = cutoff;
    if (rejectsFile == null) {
      this.rejects = null;
    } else {
      Writer w = Outputs.writer(rejectsFile);
      this.rejects = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
      rejects.writeRecord("file", "line", "field", "reason");
    }
  }

  /** A file given beside the main input (surveys, customers): csv, or jsonl by extension; the same read options. */
  private static InputOptions.Source beside(Path file, Schema<?> schema, InputOptions.Source main) {
    String format = file.toString().toLowerCase(Locale.ROOT).matches(".*\\.(jsonl|ndjson)$") ? "jsonl" : "csv";
    return new InputOptions.Source(file, schema, format, null, main.options(), main.charset());
  }

  /**
   * Registers every customer of a customers file with the engine, before any event is read. A
   * customer listed twice is a rejected row (field {@code customer}, naming the first line); the
   * first listing counts. Returns false when reading stopped (see {@link #stoppedStatus()}).
   */
  boolean readCustomers(Path file, InputOptions.Source main, EngagementEngine engine) throws IOException {
    return readCustomers(file, main, (java.util.function.Consumer<Customer>) engine::register);
  }

  /** Reads a customers file into a sink, as {@link #readCustomers(Path, InputOptions.Source, EngagementEngine)}. */
  boolean readCustomers(Path file, InputOptions.Source main, java.util.function.Consumer<Customer> sink)
      throws IOException {
    if (!readable(file)) {
      return false;
    }
    Map<String, Long> firstLine = new HashMap<>();
    try (Progress bytes = new Progress(file, "customers");
        Reader chars = main.decode(bytes);
        RowReader<?> rows = beside(file, Schema.CUSTOMERS, main).open(chars, r -> reject(file, r))) {
      while (rows.hasNext()) {
        Customer c = (Customer) rows.next();
        bytes.row();
        Long first = firstLine.putIfAbsent(c.id(), rows.line());
        if (first != null) {
          Reject twice = new Reject(rows.line(), Optional.of("customer"),
              "customer " + c.id() + " is listed twice (first on line " + first + ")");
          reject(file, twice);
          if (main.options().strict()) {
            throw new RejectedRowException(twice);
          }
          continue;
        }
        sink.accept(c);
      }
      return true;
    } catch (IllegalArgumentException | UncheckedIOException e) { // RejectedRowException included
      return stopped(file, e);
    }
  }

  /**
   * Reads a journeys file given beside the main input (csv, or jsonl by extension) into a list;
   * returns false when reading stopped (see {@link #stoppedStatus()}).
   */
  boolean readJourneys(Path file, InputOptions.Source main, List<Journey> into) throws IOException {
    return readRows(beside(file, Schema.JOURNEYS, main), (line, row) -> into.add((Journey) row));
  }

  /** Takes a row and its line. */
  interface RowSink {
    void accept(long line, Object row);
  }

  /**
   * Reads every row of a file of any schema into a sink, rejects reported like every other input's;
   * returns false when reading stopped (see {@link #stoppedStatus()}).
   */
  boolean readRows(InputOptions.Source source, RowSink into) throws IOException {
    Path file = source.input();
    if (!readable(file)) {
      return false;
    }
    try (Progress bytes = new Progress(file, "read");
        Reader chars = source.decode(bytes);
        RowReader<?> rows = source.open(chars, r -> reject(file, r))) {
      while (rows.hasNext()) {
        Object row = rows.next();
        into.accept(rows.line(), row);
        bytes.row();
      }
      bytes.done();
      return true;
    } catch (IllegalArgumentException | UncheckedIOException e) { // RejectedRowException included
      return stopped(file, e);
    }
  }

  /**
   * Reads the main input and then, if given, the surveys file into the engine; returns false when
   * reading stopped (see {@link #stoppedStatus()}).
   */
  boolean readAll(InputOptions.Source source, Path surveys, EngagementEngine engine) throws IOException {
    try (Batches batches = new Batches(engine)) {
      return readAll(source, surveys, batches);
    }
  }

  /** Events into an engine by {@link EngagementEngine#recordAll} of 1,024 at a time: faster than one by one. */
  private static final class Batches implements java.util.function.Consumer<EngagementEvent>, AutoCloseable {
    private static final int SIZE = 1024;
    private final EngagementEngine engine;
    private final List<EngagementEvent> batch = new ArrayList<>(SIZE);

    Batches(EngagementEngine engine) {
      this.engine = engine;
    }

    @Override
    public void accept(EngagementEvent event) {
      batch.add(event);
      if (batch.size() == SIZE) {
        close();
      }
    }

    /** Records what is waiting. */
    @Override
    public void close() {
      engine.recordAll(batch);
      batch.clear();
    }
  }

  /** Reads the main input and then, if given, the surveys file into a sink. */
  boolean readAll(InputOptions.Source source, Path surveys, java.util.function.Consumer<EngagementEvent> sink)
      throws IOException {
    return read(source, sink) && (surveys == null || read(beside(surveys, Schema.SURVEYS, source), sink));
  }

  /** The exit status of a run whose reading stopped: 2 for unreadable input, 1 for a strict reject. */
  int stoppedStatus() {
    return unreadable ? Main.UNUSABLE : Main.REJECTED;
  }

  /** Reads one file into the engine; returns false when reading stopped (strict, or unreadable). */
  boolean read(InputOptions.Source source, EngagementEngine engine) throws IOException {
    try (Batches batches = new Batches(engine)) {
      return read(source, batches);
    }
  }

  /**
   * Reads one file's events, up to the cutoff, into a sink; returns false when reading stopped
   * (strict, or unreadable).
   */
  boolean read(InputOptions.Source source, java.util.function.Consumer<EngagementEvent> sink) throws IOException {
    return readRows(source, (line, row) -> {
      EngagementEvent event = (EngagementEvent) row;
      if (cutoff != null && event.at().isAfter(cutoff)) {
        afterCutoff++; // a state cannot forget: events after --as-of must not enter it
        return;
      }
      sink.accept(event);
      if (event instanceof SurveyResponse && (tallyAfter == null || event.at().isAfter(tallyAfter))) {
        tally.accept((SurveyResponse) event);
      }
      latest = latest == null || event.at().isAfter(latest) ? event.at() : latest;
      days.add(event.at());
    });
  }

  /**
   * The scoring instant when no --as-of was given: the latest event read, said on stderr, unless it
   * lies beyond the bulk of the data ({@link EventDays}'s rule), which is refused with the reason:
   * one mistyped date must not move everyone's scores. Null when there is no event or it is refused.
   */
  Instant defaultAsOf() {
    if (latest == null) {
      return null;
    }
    java.util.Optional<String> refused = days.beyondTheBulk(latest);
    if (refused.isPresent()) {
      err.println("engagekit: " + refused.get());
      return null;
    }
    err.println("engagekit: as of " + latest + ", the latest event read (give --as-of to choose)");
    return latest;
  }

  /**
   * A file's bytes, counted, with a progress bar that follows them when the file is large and
   * stderr is a terminal; closing closes the file and then the bar, so that the bar is gone before
   * anything else is printed.
   */
  private final class Progress extends Terminal.CountingInputStream {
    private final long size;
    private final @Nullable ProgressBar bar;
    private long rows;

    Progress(Path file, String task) throws IOException {
      super(Files.newInputStream(file));
      size = Files.size(file);
      bar = progress && size >= Terminal.LARGE_INPUT_BYTES && Terminal.stderrIsTerminal()
          ? Terminal.progressBar(task + " " + file.getFileName(), size) : null;
    }

    /** Counts a row; moves the bar every 16,384 rows. */
    void row() {
      if (bar != null && (++rows & 0x3fff) == 0) {
        bar.stepTo(count());
      }
    }

    /** Shows the bar full, after the last row. */
    void done() {
      if (bar != null) {
        bar.stepTo(size);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        if (bar != null) {
          bar.close();
        }
      }
    }
  }

  private boolean readable(Path file) {
    if (!InputOptions.readable(file, err)) {
      unreadable = true;
      return false;
    }
    return true;
  }

  /** Reports why reading a file stopped: at a rejected row under --strict, or because it is unreadable. */
  private boolean stopped(Path file, RuntimeException e) {
    if (e instanceof RejectedRowException) {
      err.println("engagekit: stopped at the first rejected row of " + file + " (--strict): "
          + ((RejectedRowException) e).reject());
      return false;
    }
    err.println("engagekit: cannot read " + file + ": " + e.getMessage());
    if (verbose) {
      e.printStackTrace(err);
    }
    unreadable = true;
    return false;
  }

  private void reject(Path file, Reject r) {
    if (rejected++ < ValidateCommand.PRINTED_REJECTS) {
      err.println("rejected " + file.getFileName() + " " + r);
    }
    if (rejects != null) {
      rejects.writeRecord(file.toString(), Long.toString(r.line()), r.field().orElse(""), r.reason());
    }
  }

  /** Prints what was left out or rejected; returns the exit status for a run that got this far. */
  int finish(Instant at) {
    if (afterCutoff > 0) {
      err.printf(Locale.ROOT, "engagekit: %,d events after --as-of %s were left out of the scores%n", afterCutoff, at);
    }
    if (rejected > 0) {
      err.println("engagekit: " + rejected + " rows were rejected and not scored");
      return Main.REJECTED;
    }
    return 0;
  }

  @Override
  public void close() throws IOException {
    if (rejects != null) {
      rejects.close();
    }
  }
}
