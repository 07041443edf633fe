package io.engagekit.cli;

import io.engagekit.core.Journey;
import io.engagekit.core.JourneyPath;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.io.Format;
import io.engagekit.core.io.ReadOptions;
import io.engagekit.core.io.RejectedRowException;
import io.engagekit.core.io.RowReader;
import io.engagekit.core.io.Schema;
import io.engagekit.scoring.journeys.JourneySettings;
import io.engagekit.scoring.journeys.Journeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads touchpoints and, optionally, known journeys, and assembles journeys from them, for {@code
 * journeys} and {@code attribute --kind touchpoints}. Rejected rows are reported on stderr and
 * counted; reading stops at the first under {@code strict}.
 */
final class JourneyInput {
  private final PrintWriter err;
  private final ReadOptions options;
  final List<Touchpoint> touchpoints = new ArrayList<>();
  final List<Journey> known = new ArrayList<>();
  long rejected;
  /** The exit status when reading stopped: 1 at a strict reject, 2 for unreadable input. */
  int stoppedStatus;

  JourneyInput(PrintWriter err, ReadOptions options) {
    this.err = err;
    this.options = options;
  }

  /** Reads a touchpoints file; false when reading stopped. */
  boolean readTouchpoints(Path file, Format format) throws IOException {
    return read(file, Schema.TOUCHPOINTS, format, touchpoints);
  }

  /** Reads a journeys file (csv, or jsonl by extension); false when reading stopped. */
  boolean readJourneys(Path file) throws IOException {
    return read(file, Schema.JOURNEYS, InputOptions.isJsonLines(file) ? Format.JSON_LINES : Format.CSV, known);
  }

  /** Reads from an opened reader of touchpoints (any schema whose rows are touchpoints); false when stopped. */
  boolean readTouchpoints(InputOptions.Source source) throws IOException {
    Path file = source.input();
    if (!readable(file)) {
      return false;
    }
    try (Reader chars = InputOptions.utf8(Files.newInputStream(file));
        RowReader<?> rows = source.open(chars, r -> reject(file, r.toString()))) {
      while (rows.hasNext()) {
        touchpoints.add((Touchpoint) rows.next());
      }
      return true;
    } catch (IllegalArgumentException | UncheckedIOException e) {
      return stopped(file, e);
    }
  }

  private <T> boolean read(Path file, Schema<T> schema, Format format, List<? super T> into) throws IOException {
    if (!readable(file)) {
      return false;
    }
    try (Reader chars = InputOptions.utf8(Files.newInputStream(file));
        RowReader<T> rows = schema.reader(chars, format, options, r -> reject(file, r.toString()))) {
      rows.forEachRemaining(into::add);
      return true;
    } catch (IllegalArgumentException | UncheckedIOException e) {
      return stopped(file, e);
    }
  }

  private boolean readable(Path file) {
    if (!InputOptions.readable(file, err)) {
      stoppedStatus = Main.UNUSABLE;
      return false;
    }
    return true;
  }

  private boolean stopped(Path file, RuntimeException e) {
    if (e instanceof RejectedRowException r) {
      err.println("engagekit: stopped at the first rejected row of " + file + " (--strict): " + r.reject());
      stoppedStatus = Main.REJECTED;
    } else {
      err.println("engagekit: cannot read " + file + ": " + e.getMessage());
      stoppedStatus = Main.UNUSABLE;
    }
    return false;
  }

  private void reject(Path file, String reject) {
    if (rejected++ < ValidateCommand.PRINTED_REJECTS) {
      err.println("rejected " + file.getFileName() + " " + reject);
    }
  }

  /** The latest touchpoint, or null when there are none. */
  Instant latest() {
    Instant latest = null;
    for (Touchpoint t : touchpoints) {
      latest = latest == null || t.at().isAfter(latest) ? t.at() : latest;
    }
    return latest;
  }

  /**
   * Assembles the journeys as of an instant; touchpoints after it are left out and counted on
   * stderr. Throws IllegalArgumentException when a touchpoint contradicts a known journey.
   */
  List<JourneyPath> assemble(JourneySettings settings, Instant asOf) {
    List<Touchpoint> seen = new ArrayList<>();
    for (Touchpoint t : touchpoints) {
      if (!t.at().isAfter(asOf)) {
        seen.add(t);
      }
    }
    if (seen.size() < touchpoints.size()) {
      err.printf(java.util.Locale.ROOT, "engagekit: %,d touchpoints after --as-of %s were left out%n",
          touchpoints.size() - seen.size(), asOf);
    }
    return Journeys.assemble(seen, known, settings, asOf);
  }
}
