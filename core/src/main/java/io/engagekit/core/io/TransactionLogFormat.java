package io.engagekit.core.io;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Channel;
import io.engagekit.core.Touchpoint;
import java.io.Reader;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The layout of a transaction log from another system (a point-of-sale export, the CDNOW logs):
 * how fields are separated, whether a header row comes first, and which column holds the customer,
 * the date, the amount and optionally the quantity.
 *
 * <p>Each line becomes one {@link io.engagekit.core.TouchpointKind#PURCHASE purchase} touchpoint
 * on {@link #channel()} with the amount as its value. Several purchases of a customer on one day
 * stay separate records: aggregation is the models' job. Columns not mapped are not read. Rejects
 * name the fields {@code customer}, {@code date}, {@code amount} and {@code quantity}.
 *
 * <p>Dates are read with {@link #datePattern()} (a {@link DateTimeFormatter} pattern such as
 * {@code yyyyMMdd}, resolved strictly so that {@code 19970231} is an error, not the 28th) or, when
 * there is none, as canonical timestamps. A date without a time is the start of that day in the
 * reader's zone.
 *
 * <p>Immutable. Conflicting options are rejected when set: a named column needs a header row.
 *
 * <pre>{@code
 * TransactionLogFormat cdnow = TransactionLogFormat.of(Delimiter.WHITESPACE, true,
 *         Column.number(1), Column.number(2), Column.number(4))
 *     .withQuantity(Column.number(3))
 *     .withDatePattern("yyyyMMdd");
 * }</pre>
 *
 * @param delimiter how fields are separated
 * @param header whether the first non-blank line is a header row (not a record). With every column
 *     given by number, a first line that reads as a purchase makes the reader refuse the input (a
 *     log without a header would otherwise lose its first purchase without a word)
 * @param customer the customer id column
 * @param date the date column
 * @param amount the monetary amount column (finite, {@code >= 0})
 * @param quantity the item count column, if any ({@code >= 0})
 * @param datePattern the date pattern, or empty for canonical timestamps
 * @param channel the channel given to every purchase; by default the user-defined {@code unknown}
 * @since 0.1
 */
public record TransactionLogFormat(
    Delimiter delimiter,
    boolean header,
    Column customer,
    Column date,
    Column amount,
    Optional<Column> quantity,
    Optional<String> datePattern,
    Channel channel) {

  /** The channel of purchases from a log that does not say: the user-defined {@code unknown}. */
  public static final Channel UNKNOWN_CHANNEL = Channel.of("unknown");

  /**
   * Validates the layout.
   *
   * @param delimiter see the class description
   * @param header see the class description
   * @param customer see the class description
   * @param date see the class description
   * @param amount see the class description
   * @param quantity see the class description
   * @param datePattern see the class description
   * @param channel see the class description
   * @throws IllegalArgumentException if a named column is used without a header, two roles share
   *      a column, or the date pattern is invalid
   * @throws NullPointerException if a component is null
   */
  public TransactionLogFormat {
    requireNonNull(delimiter, "delimiter");
    requireNonNull(customer, "customer");
    requireNonNull(date, "date");
    requireNonNull(amount, "amount");
    requireNonNull(quantity, "quantity");
    requireNonNull(datePattern, "datePattern");
    requireNonNull(channel, "channel");
    Set<Column> seen = new HashSet<>();
    checkColumn("customer", customer, header, seen);
    checkColumn("date", date, header, seen);
    checkColumn("amount", amount, header, seen);
    if (quantity.isPresent()) {
      checkColumn("quantity", quantity.get(), header, seen);
    }
    datePattern.ifPresent(TransactionLogFormat::formatter);
  }

  /**
   * Returns a layout with the required columns, no quantity, canonical timestamps and the {@code
   * unknown} channel.
   *
   * @param delimiter how fields are separated
   * @param header whether a header row comes first
   * @param customer the customer id column
   * @param date the date column
   * @param amount the amount column
   * @return the layout
   */
  public static TransactionLogFormat of(
      Delimiter delimiter, boolean header, Column customer, Column date, Column amount) {
    return new TransactionLogFormat(
        delimiter, header, customer, date, amount, Optional.empty(), Optional.empty(), UNKNOWN_CHANNEL);
  }

  /**
   * Returns a copy that reads the quantity from a column.
   *
   * @param column the quantity column
   * @return a new layout
   */
  public TransactionLogFormat withQuantity(Column column) {
    return new TransactionLogFormat(
        delimiter, header, customer, date, amount, Optional.of(column), datePattern, channel);
  }

  /**
   * Returns a copy that reads dates with a pattern.
   *
   * @param pattern a {@link DateTimeFormatter} pattern such as {@code yyyyMMdd}
   * @return a new layout
   * @throws IllegalArgumentException if the pattern is invalid
   */
  public TransactionLogFormat withDatePattern(String pattern) {
    return new TransactionLogFormat(
        delimiter, header, customer, date, amount, quantity, Optional.of(pattern), channel);
  }

  /**
   * Returns a copy that gives purchases a channel.
   *
   * @param purchaseChannel the channel
   * @return a new layout
   */
  public TransactionLogFormat withChannel(Channel purchaseChannel) {
    return new TransactionLogFormat(
        delimiter, header, customer, date, amount, quantity, datePattern, purchaseChannel);
  }

  /**
   * Returns a copy with or without a header row.
   *
   * @param hasHeader whether a header row comes first
   * @return a new layout
   * @throws IllegalArgumentException if {@code hasHeader} is false and a column is named
   */
  public TransactionLogFormat withHeader(boolean hasHeader) {
    return new TransactionLogFormat(
        delimiter, hasHeader, customer, date, amount, quantity, datePattern, channel);
  }

  /**
   * Opens a reader of purchase touchpoints. The reader owns {@code in} and closes it.
   *
   * @param in the log, read as characters
   * @param options strict or lenient, zone, line limit
   * @param sink receives each rejected row
   * @return a reader of purchases
   */
  public RowReader<Touchpoint> reader(Reader in, ReadOptions options, RejectSink sink) {
    requireNonNull(in, "in");
    requireNonNull(options, "options");
    return new RowReader<>(
        new TransactionSource(this, new LineReader(in, options.maxLineLength()), options),
        options,
        sink);
  }

  private static void checkColumn(String role, Column column, boolean header, Set<Column> seen) {
    if (column.isNamed() && !header) {
      throw new IllegalArgumentException(
          role + " column '" + column.name() + "' is named, which needs header = true, but header is false");
    }
    if (!seen.add(column)) {
      throw new IllegalArgumentException(
          role + " column " + column + " is already used by another field");
    }
  }

  /** Compiles a pattern strictly; {@code y} (year of era) is read as {@code u} (year). */
  static DateTimeFormatter formatter(String pattern) {
    StringBuilder strict = new StringBuilder(pattern.length());
    boolean quoted = false;
    boolean era = pattern.indexOf('G') >= 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      }
      strict.append(!quoted && !era && c == 'y' ? 'u' : c);
    }
    try {
      return DateTimeFormatter.ofPattern(strict.toString(), java.util.Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "datePattern is not a valid date pattern: '" + pattern + "': " + e.getMessage(), e);
    }
  }
}
