package io.engagekit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Journey;
import io.engagekit.core.io.Column;
import io.engagekit.core.io.Delimiter;
import io.engagekit.core.io.Format;
import io.engagekit.core.io.ReadOptions;
import io.engagekit.core.io.ReadStats;
import io.engagekit.core.io.Reject;
import io.engagekit.core.io.RejectedRowException;
import io.engagekit.core.io.RowReader;
import io.engagekit.core.io.Schema;
import io.engagekit.core.io.TransactionLogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code engagekit validate}: reads an input, reports every rejected row, summarises the rest. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Reads an input file and reports every rejected row with its line, field and reason.",
      "Exit status: 0 nothing rejected; 1 rows rejected (or, with --strict, at the first bad row);"
          + " 2 usage error or unreadable input."
    })
final class ValidateCommand implements Callable<Integer> {
  /** How many rejected line numbers the JSON summary lists. */
  static final int JSON_REJECTED_LINES = 100;
  /** How many rejects are printed on stderr before the rest are only counted there. */
  static final int PRINTED_REJECTS = 20;

  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "The file to read.")
  Path input;

  @Option(
      names = "--format",
      paramLabel = "csv|jsonl|transactions",
      description = "Input format. Default: jsonl for *.jsonl and *.ndjson, transactions when --columns"
          + " is given, else csv.")
  String format;

  @Option(
      names = "--kind",
      paramLabel = "touchpoints|surveys|journeys",
      defaultValue = "touchpoints",
      description = "Schema of a csv or jsonl input. Default: ${DEFAULT-VALUE}.")
  String kind;

  @Option(
      names = "--delimiter",
      paramLabel = "comma|tab|semicolon|whitespace",
      description = "Field separator of a transaction log. Default: comma.")
  String delimiter;

  @Option(
      names = "--header",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Whether a transaction log starts with a header row (default), or not (--no-header).")
  boolean header;

  @Option(
      names = "--columns",
      paramLabel = "customer=N,date=N,amount=N[,quantity=N]",
      description = "Columns of a transaction log: 1-based numbers or header names.")
  String columns;

  @Option(
      names = "--date-format",
      paramLabel = "PATTERN",
      description = "Date pattern of a transaction log, such as yyyyMMdd. Default: ISO-8601 timestamps.")
  String dateFormat;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "Zone for dates without a time or offset. Default: ${DEFAULT-VALUE}.")
  String zone;

  @Option(names = "--strict", description = "Stop at the first rejected row.")
  boolean strict;

  @Option(names = "--rejects", paramLabel = "FILE", description = "Write every rejected row (line,field,reason) as CSV.")
  Path rejectsFile;

  @Option(names = "--json", description = "Print exactly one JSON object on stdout.")
  boolean json;

  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    ReadOptions options = ReadOptions.lenient().withStrict(strict).withZone(zoneId());
    String formatName = formatName();
    TransactionLogFormat log = formatName.equals("transactions") ? transactionLog() : null;
    if (log == null) {
      for (String[] o : new String[][] {{"--delimiter", delimiter}, {"--columns", columns}, {"--date-format", dateFormat}}) {
        if (o[1] != null) {
          throw usage(o[0] + " applies to --format transactions only, not " + formatName);
        }
      }
      if (!header) {
        throw usage("--no-header applies to --format transactions only: canonical CSV needs its header");
      }
    } else if (!kind.equals("touchpoints")) {
      throw usage("--format transactions reads purchases: --kind must be touchpoints, not " + kind);
    }
    Schema<?> schema = log != null ? Schema.TOUCHPOINTS : schema();

    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isReadable(input) || Files.isDirectory(input)) {
      err.println("engagekit: cannot read " + input + ": " + (Files.exists(input) ? "not a readable file" : "no such file"));
      return Main.UNUSABLE;
    }
    long size = Files.size(input);
    Summary summary = new Summary(err, json);
    try (CsvWriter rejects = rejectsFile == null ? null : rejectsWriter();
        Terminal.CountingInputStream bytes = new Terminal.CountingInputStream(Files.newInputStream(input));
        Reader chars = utf8(bytes);
        RowReader<?> rows = log != null
            ? log.reader(chars, options, r -> summary.reject(r, rejects))
            : schema.reader(chars, Format.fromCode(formatName), options, r -> summary.reject(r, rejects));
        ProgressBar bar = !json && size >= Terminal.LARGE_INPUT_BYTES && Terminal.stderrIsTerminal()
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
        if (verbose) {
          e.printStackTrace(err);
        }
        return Main.UNUSABLE;
      }
      ReadStats stats = rows.stats();
      summary.print(stats, spec.commandLine().getOut());
      return stats.rejected() == 0 ? 0 : Main.REJECTED;
    }
  }

  private String formatName() {
    if (format != null) {
      String f = format.toLowerCase(Locale.ROOT);
      if (!List.of("csv", "jsonl", "transactions").contains(f)) {
        throw usage("--format must be csv, jsonl or transactions but was '" + format + "'");
      }
      return f;
    }
    String name = input.getFileName() == null ? "" : input.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return "jsonl";
    }
    return columns != null ? "transactions" : "csv";
  }

  private Schema<?> schema() {
    try {
      return Schema.named(kind);
    } catch (IllegalArgumentException e) {
      throw usage("--kind must be touchpoints, surveys or journeys but was '" + kind + "'");
    }
  }

  private ZoneId zoneId() {
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw usage("--zone is not a zone id (such as UTC, Europe/Berlin or +02:00): '" + zone + "'");
    }
  }

  private TransactionLogFormat transactionLog() {
    if (columns == null) {
      throw usage("--format transactions needs --columns customer=N,date=N,amount=N[,quantity=N]");
    }
    Map<String, Column> byRole = new LinkedHashMap<>();
    for (String part : columns.split(",", -1)) {
      int eq = part.indexOf('=');
      String role = eq < 0 ? part : part.substring(0, eq).trim();
      if (eq < 0 || !List.of("customer", "date", "amount", "quantity").contains(role)) {
        throw usage("--columns takes customer=N,date=N,amount=N[,quantity=N] but had '" + part + "'");
      }
      if (byRole.containsKey(role)) {
        throw usage("--columns names " + role + " twice");
      }
      try {
        byRole.put(role, Column.parse(part.substring(eq + 1).trim()));
      } catch (IllegalArgumentException e) {
        throw usage("--columns " + role + ": " + e.getMessage());
      }
    }
    for (String role : List.of("customer", "date", "amount")) {
      if (!byRole.containsKey(role)) {
        throw usage("--columns lacks " + role + "=N");
      }
    }
    try {
      Delimiter d = Delimiter.fromCode(delimiter == null ? "comma" : delimiter.toLowerCase(Locale.ROOT));
      TransactionLogFormat f =
          TransactionLogFormat.of(d, header, byRole.get("customer"), byRole.get("date"), byRole.get("amount"));
      if (byRole.containsKey("quantity")) {
        f = f.withQuantity(byRole.get("quantity"));
      }
      return dateFormat == null ? f : f.withDatePattern(dateFormat);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private CsvWriter rejectsWriter() throws IOException {
    Writer w = Files.newBufferedWriter(rejectsFile, StandardCharsets.UTF_8);
    CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
    csv.writeRecord("line", "field", "reason");
    return csv;
  }

  /** Reads UTF-8 strictly: a malformed byte sequence is an error, never a replacement character. */
  private static Reader utf8(InputStream in) {
    return new InputStreamReader(
        in,
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
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
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
          g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
          g.writeStartObject();
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
          g.writeEndObject();
        }
        out.println();
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
