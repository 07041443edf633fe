package io.engagekit.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.engagekit.core.io.Column;
import io.engagekit.core.io.DecodingReader;
import io.engagekit.core.io.Delimiter;
import io.engagekit.core.io.Format;
import io.engagekit.core.io.ReadOptions;
import io.engagekit.core.io.RejectSink;
import io.engagekit.core.io.RowReader;
import io.engagekit.core.io.Schema;
import io.engagekit.core.io.TransactionLogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The input options shared by every command that reads events ({@code validate}, {@code score}):
 * the file, its format and schema, a transaction log's layout, the zone, strictness and the rejects
 * file. {@link #resolve()} checks the combination and says how to open the input.
 */
final class InputOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

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
      paramLabel = "touchpoints|surveys|journeys|customers|paths",
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

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      defaultValue = "UTF-8",
      description = "The input's character encoding, such as UTF-8, ISO-8859-1 or windows-1252; a line with"
          + " bytes that are not valid in it is a rejected row. Default: ${DEFAULT-VALUE}.")
  String encoding;

  @Option(names = "--fold-case",
      description = "Read codes (channel, kind, content_type, metric, outcome, relationship, …) without case:"
          + " Web and PURCHASE as web and purchase, as CRM exports often write them.")
  boolean foldCase;

  @Option(names = "--decimal-separator", paramLabel = ".|,", defaultValue = ".",
      description = "The decimal separator of numbers in CSV and transaction logs: . (default) or , (as many"
          + " European exports write them, usually with --delimiter semicolon); with , a number written with . is"
          + " a rejected row, not a guess.")
  String decimalSeparator;

  @Option(names = "--strict", description = "Stop at the first rejected row.")
  boolean strict;

  @Option(names = "--rejects", paramLabel = "FILE", description = "Write every rejected row (line,field,reason) as CSV.")
  Path rejectsFile;

  /** A checked combination of input options: how to open the input. */
  record Source(Path input, Schema<?> schema, String formatName, TransactionLogFormat log, ReadOptions options,
      Charset charset) {
    /** The input's characters: a line with undecodable bytes becomes a rejected row. */
    Reader decode(InputStream bytes) {
      return DecodingReader.of(bytes, charset);
    }

    /** Opens a reader over the input's characters. */
    RowReader<?> open(Reader chars, RejectSink sink) {
      return log != null
          ? log.reader(chars, options, sink)
          : schema.reader(chars, Format.fromCode(formatName), options, sink);
    }
  }

  /**
   * Parses a date option such as {@code --calibration-end} (yyyy-MM-dd).
   *
   * @throws ParameterException if it is not a date
   */
  static LocalDate date(CommandSpec spec, String option, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      throw new ParameterException(spec.commandLine(), option + " must be a date like 1997-09-30 but was '" + text
          + "'");
    }
  }

  /**
   * Parses {@code --holdout-end}: a date after {@code --calibration-end}.
   *
   * @throws ParameterException if it is not a date, or not after the calibration end
   */
  static LocalDate holdoutEnd(CommandSpec spec, LocalDate calibrationEnd, String text) {
    LocalDate holdoutEnd = date(spec, "--holdout-end", text);
    if (!holdoutEnd.isAfter(calibrationEnd)) {
      throw new ParameterException(spec.commandLine(), "--holdout-end " + holdoutEnd + " must be after --calibration-end "
          + calibrationEnd);
    }
    return holdoutEnd;
  }

  /**
   * Parses an {@code --as-of} value: an ISO-8601 instant, a date-time with offset, or a date (the
   * start of that day in {@code --zone}).
   *
   * @throws ParameterException if it is none of these
   */
  Instant asOf(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(zoneId()).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      throw usage("--as-of must be an ISO-8601 instant, date-time with offset or date but was '" + text + "'");
    }
  }

  /**
   * Checks the combination of options.
   *
   * @throws ParameterException for a usage error (exit status 2)
   */
  Source resolve() {
    if (!decimalSeparator.equals(".") && !decimalSeparator.equals(",")) {
      throw usage("--decimal-separator must be . or , but was '" + decimalSeparator + "'");
    }
    ReadOptions options = ReadOptions.lenient().withStrict(strict).withZone(zoneId()).withFoldCase(foldCase)
        .withDecimalSeparator(decimalSeparator.charAt(0));
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
    if (schema == Schema.PATHS && !spec.name().equals("validate")) {
      throw usage("--kind paths (aggregated conversion paths) is read by validate and attribute, not " + spec.name());
    }
    return new Source(input, schema, formatName, log, options, charset(spec, encoding));
  }

  /**
   * Parses an {@code --encoding} option.
   *
   * @throws ParameterException if this Java knows no such charset
   */
  static Charset charset(CommandSpec spec, String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) { // unsupported or illegal name
      throw new ParameterException(spec.commandLine(), "--encoding must be a character encoding this Java knows,"
          + " such as UTF-8, ISO-8859-1 or windows-1252, but was '" + name + "'");
    }
  }

  String formatName() {
    if (format != null) {
      String f = format.toLowerCase(Locale.ROOT);
      if (!List.of("csv", "jsonl", "transactions").contains(f)) {
        throw usage("--format must be csv, jsonl or transactions but was '" + format + "'"
            + io.engagekit.core.internal.Suggestions.didYouMean(format, List.of("csv", "jsonl", "transactions")));
      }
      return f;
    }
    if (isJsonLines(input)) {
      return "jsonl";
    }
    return columns != null ? "transactions" : "csv";
  }

  /** Whether a file's name says JSON Lines: {@code *.jsonl} or {@code *.ndjson}, in any case. */
  static boolean isJsonLines(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".ndjson");
  }

  Schema<?> schema() {
    try {
      return Schema.named(kind);
    } catch (IllegalArgumentException e) {
      throw usage("--kind must be touchpoints, surveys, journeys, customers or paths but was '" + kind + "'"
          + io.engagekit.core.internal.Suggestions.didYouMean(kind, List.of("touchpoints", "surveys", "journeys", "customers", "paths")));
    }
  }

  ZoneId zoneId() {
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw usage("--zone is not a zone id (such as UTC, Europe/Berlin or +02:00): '" + zone + "'");
    }
  }

  TransactionLogFormat transactionLog() {
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

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  CsvWriter rejectsWriter() throws IOException {
    Writer w = Outputs.writer(rejectsFile);
    CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
    csv.writeRecord("line", "field", "reason");
    return csv;
  }

  /**
   * Whether a file can be read; if not, says why on {@code err} ("no such file" or "not a readable
   * file") in the one wording every command uses.
   */
  static boolean readable(Path file, java.io.PrintWriter err) {
    if (!Files.isReadable(file) || Files.isDirectory(file)) {
      err.println("engagekit: cannot read " + file + ": " + (Files.exists(file) ? "not a readable file" : "no such file"));
      return false;
    }
    return true;
  }

}
